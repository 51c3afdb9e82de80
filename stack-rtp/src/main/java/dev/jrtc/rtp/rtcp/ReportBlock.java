package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;

/**
 * A reception report block (RFC 3550, section 6.4.1).
 *
 * @param ssrc                    the source reported on
 * @param fractionLost            lost since the last report, in 1/256 (0..255)
 * @param cumulativeLost          signed 24-bit count of packets lost (duplicates can make it negative)
 * @param extendedHighestSequence cycles in the high 16 bits, highest sequence number in the low
 * @param jitter                  interarrival jitter in timestamp units
 * @param lastSenderReport        the middle 32 bits of the last SR's NTP timestamp, 0 if none
 * @param delaySinceLastSenderReport in 1/65536 s since that SR arrived
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence,
                          long jitter, long lastSenderReport, long delaySinceLastSenderReport) {
    static final int LENGTH = 24;

    /** Checks the field widths. */
    public ReportBlock {
        if (fractionLost < 0 || fractionLost > 255) {
            throw new IllegalArgumentException("fraction lost must be 0..255, got " + fractionLost);
        }
        if (cumulativeLost < -0x800000 || cumulativeLost > 0x7FFFFF) {
            throw new IllegalArgumentException("cumulative lost does not fit 24 bits: " + cumulativeLost);
        }
    }

    static ReportBlock parse(ByteReader r) throws ParseException {
        long ssrc = r.u32();
        int fraction = r.u8();
        int lost = r.u24();
        if ((lost & 0x800000) != 0) {
            lost -= 0x1000000; // sign-extend 24 bits
        }
        return new ReportBlock(ssrc, fraction, lost, r.u32(), r.u32(), r.u32(), r.u32());
    }

    void write(ByteWriter w) {
        w.u32(ssrc).u8(fractionLost).u24(cumulativeLost & 0xFFFFFF)
                .u32(extendedHighestSequence).u32(jitter).u32(lastSenderReport).u32(delaySinceLastSenderReport);
    }
}
