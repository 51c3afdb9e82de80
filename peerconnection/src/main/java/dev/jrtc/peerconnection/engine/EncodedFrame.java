package dev.jrtc.peerconnection.engine;

import java.util.Objects;

/**
 * One encoded media frame as it came out of the jitter buffer and depacketizer.
 *
 * @param codec the codec's encoding name as negotiated, e.g. {@code VP8}
 * @param rtpTimestamp the frame's 32-bit RTP timestamp
 * @param keyFrame whether the frame can be decoded on its own
 * @param data the bitstream; the frame owns it
 */
public record EncodedFrame(String codec, long rtpTimestamp, boolean keyFrame, byte[] data) {
    /** Checks the fields. */
    public EncodedFrame {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public String toString() {
        return "EncodedFrame[" + codec + ", ts=" + rtpTimestamp + ", key=" + keyFrame + ", " + data.length + " bytes]";
    }
}
