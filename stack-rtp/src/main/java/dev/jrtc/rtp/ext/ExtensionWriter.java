package dev.jrtc.rtp.ext;

import dev.jrtc.rtp.HeaderExtension;
import java.nio.charset.StandardCharsets;

/** Makes typed {@link HeaderExtension} elements with the ids an {@link ExtensionMap} negotiated. */
public final class ExtensionWriter {
    private final ExtensionMap map;

    /** A writer for the ids in {@code map}. */
    public ExtensionWriter(ExtensionMap map) {
        this.map = map;
    }

    private int idOf(ExtensionType type) {
        int id = map.id(type);
        if (id == 0) {
            throw new IllegalStateException(type + " was not negotiated");
        }
        return id;
    }

    /** Whether {@code type} was negotiated. */
    public boolean negotiated(ExtensionType type) {
        return map.id(type) != 0;
    }

    /** A transport-wide sequence number element. */
    public HeaderExtension transportSequenceNumber(int seq) {
        return new HeaderExtension(idOf(ExtensionType.TRANSPORT_SEQUENCE_NUMBER), new byte[] {(byte) (seq >>> 8), (byte) seq});
    }

    /** An abs-send-time element for a send time in nanoseconds. */
    public HeaderExtension absSendTime(long nanos) {
        return new HeaderExtension(idOf(ExtensionType.ABS_SEND_TIME), AbsSendTime.encode(nanos));
    }

    /** An audio-level element. */
    public HeaderExtension audioLevel(AudioLevel level) {
        return new HeaderExtension(idOf(ExtensionType.AUDIO_LEVEL), level.encode());
    }

    /** A video-orientation element. */
    public HeaderExtension videoOrientation(VideoOrientation o) {
        return new HeaderExtension(idOf(ExtensionType.VIDEO_ORIENTATION), o.encode());
    }

    /** A playout-delay element. */
    public HeaderExtension playoutDelay(PlayoutDelay d) {
        return new HeaderExtension(idOf(ExtensionType.PLAYOUT_DELAY), d.encode());
    }

    /** A MID element. */
    public HeaderExtension mid(String mid) {
        return text(ExtensionType.MID, mid);
    }

    /** A RID element. */
    public HeaderExtension rid(String rid) {
        return text(ExtensionType.RID, rid);
    }

    /** A repaired-RID element. */
    public HeaderExtension repairedRid(String rid) {
        return text(ExtensionType.REPAIRED_RID, rid);
    }

    private HeaderExtension text(ExtensionType type, String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        if (b.length == 0 || b.length > 255) {
            throw new IllegalArgumentException(type + " must be 1..255 characters");
        }
        return new HeaderExtension(idOf(type), b);
    }
}
