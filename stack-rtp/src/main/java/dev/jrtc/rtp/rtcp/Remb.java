package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Receiver estimated maximum bitrate (draft-alvestrand-rmcat-remb-03): application-layer feedback
 * (PSFB, FMT 15) tagged "REMB". The bitrate travels as an 18-bit mantissa and a 6-bit exponent, so
 * a written value is rounded down to what that can express.
 *
 * @param senderSsrc who estimates
 * @param bitrate    the estimate in bits per second
 * @param ssrcs      the streams it applies to
 */
public record Remb(long senderSsrc, long bitrate, List<Long> ssrcs) implements RtcpPacket {
    static final int FORMAT = 15;
    private static final int IDENTIFIER = ('R' << 24) | ('E' << 16) | ('M' << 8) | 'B';

    /** Copies the list and checks the sizes. */
    public Remb {
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.size() > 255) {
            throw new IllegalArgumentException("at most 255 SSRCs in a REMB");
        }
        if (bitrate < 0) {
            throw new IllegalArgumentException("negative bitrate");
        }
    }

    /** Whether an application-layer feedback body (after the two SSRCs) is a REMB. */
    static boolean isRemb(ByteReader body) {
        return body.remaining() >= 4 && body.array()[body.arrayPosition()] == 'R'
                && body.array()[body.arrayPosition() + 1] == 'E' && body.array()[body.arrayPosition() + 2] == 'M'
                && body.array()[body.arrayPosition() + 3] == 'B';
    }

    static Remb parse(ByteReader r, long sender) throws ParseException {
        r.skip(4); // "REMB"
        int count = r.u8();
        int expAndHigh = r.u8();
        int exp = expAndHigh >>> 2;
        long mantissa = ((long) (expAndHigh & 0x03) << 16) | r.u16();
        List<Long> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ssrcs.add(r.u32());
        }
        // 2^63 and beyond do not fit a long; no real estimate gets there.
        long bitrate = exp > 45 ? Long.MAX_VALUE : mantissa << exp;
        return new Remb(sender, bitrate, ssrcs);
    }

    @Override
    public int encodedLength() {
        return 20 + 4 * ssrcs.size();
    }

    @Override
    public void write(ByteWriter w) {
        int exp = 0;
        long mantissa = bitrate;
        while (mantissa >= (1L << 18)) {
            mantissa >>>= 1;
            exp++;
        }
        RtcpHeader.write(w, FORMAT, RtcpHeader.PSFB, encodedLength());
        w.u32(senderSsrc).u32(0).u32(IDENTIFIER & 0xFFFFFFFFL);
        w.u8(ssrcs.size()).u8((exp << 2) | (int) (mantissa >>> 16)).u16((int) mantissa);
        ssrcs.forEach(w::u32);
    }
}
