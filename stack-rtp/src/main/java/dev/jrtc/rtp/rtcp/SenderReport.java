package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A sender report (RFC 3550, section 6.4.1). Profile-specific extensions after the report blocks
 * are skipped on parse.
 *
 * @param ssrc          the sender
 * @param ntpTimestamp  64-bit NTP time the report was sent
 * @param rtpTimestamp  the same instant in the stream's RTP clock
 * @param packetCount   packets sent so far
 * @param octetCount    payload octets sent so far
 * @param reports       up to 31 report blocks
 */
public record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
                           List<ReportBlock> reports) implements RtcpPacket {
    /** Copies the list and checks its size. */
    public SenderReport {
        reports = List.copyOf(reports);
        if (reports.size() > 31) {
            throw new IllegalArgumentException("at most 31 report blocks");
        }
    }

    static SenderReport parse(ByteReader r, int count) throws ParseException {
        long ssrc = r.u32();
        long ntp = r.s64();
        long rtp = r.u32();
        long packets = r.u32();
        long octets = r.u32();
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(ReportBlock.parse(r));
        }
        return new SenderReport(ssrc, ntp, rtp, packets, octets, blocks);
    }

    @Override
    public int encodedLength() {
        return 28 + ReportBlock.LENGTH * reports.size();
    }

    @Override
    public void write(ByteWriter w) {
        RtcpHeader.write(w, reports.size(), RtcpHeader.SR, encodedLength());
        w.u32(ssrc).u64(ntpTimestamp).u32(rtpTimestamp).u32(packetCount).u32(octetCount);
        reports.forEach(b -> b.write(w));
    }
}
