package dev.jrtc.rtp.codec;

import dev.jrtc.common.ParseException;

/**
 * Opus depacketizer (RFC 7587): one Opus packet per RTP packet. The TOC byte is checked far enough
 * to reject payloads no decoder could accept (RFC 6716, section 3.1 and 3.2.5).
 */
public final class OpusDepacketizer extends AudioDepacketizer {
    @Override
    void validate(byte[] b, int off, int len) throws ParseException {
        if (len < 1) {
            throw new ParseException("Opus: empty payload");
        }
        int code = b[off] & 0x03;
        if (code == 3) {
            if (len < 2) {
                throw new ParseException("Opus: code 3 packet without a frame count");
            }
            int frames = b[off + 1] & 0x3F;
            if (frames == 0) {
                throw new ParseException("Opus: code 3 packet with zero frames");
            }
        }
    }
}
