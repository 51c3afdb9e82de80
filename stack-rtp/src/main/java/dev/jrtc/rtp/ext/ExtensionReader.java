package dev.jrtc.rtp.ext;

import dev.jrtc.rtp.RtpPacket;
import java.nio.charset.StandardCharsets;

/**
 * Reads the typed extensions of a parsed {@link RtpPacket}, by the ids an {@link ExtensionMap}
 * negotiated. The numeric readers return a sentinel instead of allocating, so the per-packet path
 * stays allocation-free. An element whose length is wrong for its type reads as absent.
 */
public final class ExtensionReader {
    /** What the numeric readers return when the element is absent or malformed. */
    public static final int ABSENT = -1;

    private final int transportSeqId;
    private final int absSendTimeId;
    private final int audioLevelId;
    private final int orientationId;
    private final int playoutDelayId;
    private final int midId;
    private final int ridId;
    private final int repairedRidId;

    /** A reader for the ids in {@code map}. */
    public ExtensionReader(ExtensionMap map) {
        transportSeqId = map.id(ExtensionType.TRANSPORT_SEQUENCE_NUMBER);
        absSendTimeId = map.id(ExtensionType.ABS_SEND_TIME);
        audioLevelId = map.id(ExtensionType.AUDIO_LEVEL);
        orientationId = map.id(ExtensionType.VIDEO_ORIENTATION);
        playoutDelayId = map.id(ExtensionType.PLAYOUT_DELAY);
        midId = map.id(ExtensionType.MID);
        ridId = map.id(ExtensionType.RID);
        repairedRidId = map.id(ExtensionType.REPAIRED_RID);
    }

    private static int offsetIfLength(RtpPacket p, int id, int minLength) {
        if (id == 0) {
            return ABSENT;
        }
        int len = p.elementLength(id);
        return len >= minLength ? p.elementOffset(id) : ABSENT;
    }

    /** The transport-wide sequence number, 0..65535, or {@link #ABSENT}. */
    public int transportSequenceNumber(RtpPacket p) {
        int off = offsetIfLength(p, transportSeqId, 2);
        if (off < 0) {
            return ABSENT;
        }
        byte[] b = p.array();
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    /** The 24-bit abs-send-time, or {@link #ABSENT}. */
    public int absSendTime(RtpPacket p) {
        int off = offsetIfLength(p, absSendTimeId, 3);
        if (off < 0) {
            return ABSENT;
        }
        byte[] b = p.array();
        return ((b[off] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off + 2] & 0xFF);
    }

    /** The audio-level byte (V bit and level, see {@link AudioLevel#fromByte}), or {@link #ABSENT}. */
    public int audioLevelByte(RtpPacket p) {
        int off = offsetIfLength(p, audioLevelId, 1);
        return off < 0 ? ABSENT : p.array()[off] & 0xFF;
    }

    /** The audio level, or {@code null}. */
    public AudioLevel audioLevel(RtpPacket p) {
        int b = audioLevelByte(p);
        return b < 0 ? null : AudioLevel.fromByte(b);
    }

    /** The video orientation, or {@code null}. */
    public VideoOrientation videoOrientation(RtpPacket p) {
        int off = offsetIfLength(p, orientationId, 1);
        return off < 0 ? null : VideoOrientation.fromByte(p.array()[off]);
    }

    /** The playout delay, or {@code null}. */
    public PlayoutDelay playoutDelay(RtpPacket p) {
        int off = offsetIfLength(p, playoutDelayId, 3);
        return off < 0 ? null : PlayoutDelay.fromBytes(p.array(), off);
    }

    /** The MID, or {@code null}. */
    public String mid(RtpPacket p) {
        return text(p, midId);
    }

    /** The RID, or {@code null}. */
    public String rid(RtpPacket p) {
        return text(p, ridId);
    }

    /** The repaired RID, or {@code null}. */
    public String repairedRid(RtpPacket p) {
        return text(p, repairedRidId);
    }

    private static String text(RtpPacket p, int id) {
        int off = offsetIfLength(p, id, 1);
        if (off < 0) {
            return null;
        }
        int len = p.elementLength(id);
        byte[] b = p.array();
        // Senders may pad the text with trailing zero bytes; they are not part of the value.
        while (len > 0 && b[off + len - 1] == 0) {
            len--;
        }
        return new String(b, off, len, StandardCharsets.US_ASCII);
    }
}
