package dev.jrtc.rtp.receive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.RandomSource;
import dev.jrtc.common.VirtualClock;
import dev.jrtc.rtp.RtcpInterval;
import dev.jrtc.rtp.RtpEvents;
import dev.jrtc.rtp.RtpHeader;
import dev.jrtc.rtp.codec.OpusDepacketizer;
import dev.jrtc.rtp.rtcp.ReceiverReport;
import dev.jrtc.rtp.rtcp.RtcpCompound;
import dev.jrtc.rtp.rtcp.SourceDescription;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@link ReceiveStream} given an {@link RtcpInterval} with the reduced minimum (RFC 3550, section
 * 6.2) sends its regular receiver reports at randomized intervals around 360 ms at 1 Mbit/s, in
 * virtual time, each gap within [0.5, 1.5) x Td / (e - 3/2).
 */
class ReceiveStreamRandomizesReportsTest {
    private static final long MS = 1_000_000L;

    @Test
    void receiverReportsFollowTheRandomizedReducedMinimum() throws Exception {
        RtcpInterval interval = new RtcpInterval(1_000_000, RtcpInterval.Minimum.REDUCED, 80, RandomSource.seeded(3));
        ReceiveStream rx = new ReceiveStream(ReceiveConfig.of(0x2, 0x1, 111, 48_000, OpusDepacketizer::new),
                new VirtualClock(), interval);
        List<Long> reports = new ArrayList<>();
        long nextPacket = 0;
        int seq = 0;
        long now = 0;
        while (now < 120_000 * MS) {
            Output o = rx.poll();
            if (o instanceof RtpEvents.SendRtcp r) {
                if (RtcpCompound.parse(r.datagram()).stream().anyMatch(SourceDescription.class::isInstance)) {
                    reports.add(now); // a regular report (RR + SDES + XR), not feedback
                    assertTrue(RtcpCompound.parse(r.datagram()).get(0) instanceof ReceiverReport);
                }
                continue;
            }
            if (!(o instanceof Deadline d)) {
                continue;
            }
            now = Math.min(nextPacket, d.atNanos());
            if (now == nextPacket) {
                byte[] p = RtpHeader.of(111, false, seq, 960L * seq, 0x1).toPacket(new byte[] {(byte) 0xFC, 1, 2});
                seq++;
                nextPacket += 20 * MS;
                rx.handleRtp(now, p, 0, p.length);
            } else {
                rx.handleTimeout(now);
            }
        }
        double td = 360 * MS;
        double c = RtcpInterval.COMPENSATION;
        long sum = 0;
        for (int k = 1; k < reports.size(); k++) {
            long gap = reports.get(k) - reports.get(k - 1);
            assertTrue(gap >= 0.5 * td / c && gap < 1.5 * td / c + MS, "gap " + gap);
            sum += gap;
        }
        int gaps = reports.size() - 1;
        assertTrue(gaps > 300, gaps + " reports in 2 minutes");
        assertEquals(td / c, (double) sum / gaps, td / c * 0.05, "mean gap Td / (e - 3/2)");
    }
}
