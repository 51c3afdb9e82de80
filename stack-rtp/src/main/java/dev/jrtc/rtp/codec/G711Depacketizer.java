package dev.jrtc.rtp.codec;

import dev.jrtc.common.ParseException;

/** G.711 (PCMU, PCMA) depacketizer (RFC 3551, section 4.5.14): one byte per sample, any count. */
public final class G711Depacketizer extends AudioDepacketizer {
    @Override
    void validate(byte[] b, int off, int len) throws ParseException {
        if (len < 1) {
            throw new ParseException("G.711: empty payload");
        }
    }
}
