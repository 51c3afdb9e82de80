package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A receiver report (RFC 3550, section 6.4.2).
 *
 * @param ssrc    the reporter
 * @param reports up to 31 report blocks
 */
public record ReceiverReport(long ssrc, List<ReportBlock> reports) implements RtcpPacket {
    /** Copies the list and checks its size. */
    public ReceiverReport {
        reports = List.copyOf(reports);
        if (reports.size() > 31) {
            throw new IllegalArgumentException("at most 31 report blocks");
        }
    }

    static ReceiverReport parse(ByteReader r, int count) throws ParseException {
        long ssrc = r.u32();
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(ReportBlock.parse(r));
        }
        return new ReceiverReport(ssrc, blocks);
    }

    @Override
    public int encodedLength() {
        return 8 + ReportBlock.LENGTH * reports.size();
    }

    @Override
    public void write(ByteWriter w) {
        RtcpHeader.write(w, reports.size(), RtcpHeader.RR, encodedLength());
        w.u32(ssrc);
        reports.forEach(b -> b.write(w));
    }
}
