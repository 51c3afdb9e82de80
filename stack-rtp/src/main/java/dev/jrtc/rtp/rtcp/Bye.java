package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Goodbye (RFC 3550, section 6.6): the sources are leaving.
 *
 * @param ssrcs  up to 31 sources
 * @param reason why, or the empty string
 */
public record Bye(List<Long> ssrcs, String reason) implements RtcpPacket {
    /** Copies the list and checks sizes. */
    public Bye {
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.size() > 31) {
            throw new IllegalArgumentException("at most 31 SSRCs in a BYE");
        }
        if (reason.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("BYE reason longer than 255 bytes");
        }
    }

    static Bye parse(ByteReader r, int count) throws ParseException {
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(r.u32());
        }
        String reason = "";
        if (r.hasRemaining()) {
            int len = r.u8();
            try {
                reason = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(r.bytes(len))).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new ParseException("RTCP BYE: reason is not UTF-8", e);
            }
            int padding = r.remaining();
            if (padding > 3) {
                throw new ParseException("RTCP BYE: " + padding + " bytes after the reason");
            }
            r.skip(padding); // zeros up to the 32-bit boundary
        }
        return new Bye(ssrcs, reason);
    }

    @Override
    public int encodedLength() {
        int n = 4 + 4 * ssrcs.size();
        if (!reason.isEmpty()) {
            n += RtcpHeader.padTo4(1 + reason.getBytes(StandardCharsets.UTF_8).length);
        }
        return n;
    }

    @Override
    public void write(ByteWriter w) {
        RtcpHeader.write(w, ssrcs.size(), RtcpHeader.BYE, encodedLength());
        ssrcs.forEach(w::u32);
        if (!reason.isEmpty()) {
            byte[] b = reason.getBytes(StandardCharsets.UTF_8);
            w.u8(b.length).bytes(b).zeros(RtcpHeader.padTo4(1 + b.length) - 1 - b.length);
        }
    }
}
