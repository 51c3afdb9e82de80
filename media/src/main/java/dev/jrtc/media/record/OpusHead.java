package dev.jrtc.media.record;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** The Opus identification header (RFC 7845 section 5.1): Ogg's first packet and Matroska's CodecPrivate. */
final class OpusHead {
    /** The usual libopus encoder delay in 48 kHz samples, which the decoder drops from the start. */
    static final int PRE_SKIP = 312;

    private OpusHead() {
    }

    /** @param channels 1 or 2 (channel mapping family 0) */
    static byte[] of(int channels) {
        ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
        head.put("OpusHead".getBytes(StandardCharsets.US_ASCII));
        head.put((byte) 1); // version
        head.put((byte) channels);
        head.putShort((short) PRE_SKIP);
        head.putInt(48_000); // input sample rate, informational
        head.putShort((short) 0); // output gain
        head.put((byte) 0); // channel mapping family 0: mono or stereo
        return head.array();
    }
}
