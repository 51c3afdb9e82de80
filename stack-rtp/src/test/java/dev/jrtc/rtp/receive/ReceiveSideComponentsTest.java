package dev.jrtc.rtp.receive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.rtp.DropCounters;
import dev.jrtc.rtp.NtpTime;
import dev.jrtc.rtp.RtpHeader;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.RttEstimator;
import dev.jrtc.rtp.codec.OpusDepacketizer;
import dev.jrtc.rtp.rtcp.ReportBlock;
import dev.jrtc.rtp.rtcp.TransportFeedback;
import dev.jrtc.rtp.send.Retransmitter;
import dev.jrtc.rtp.send.SendHistory;
import dev.jrtc.rtp.send.SenderReportGenerator;
import dev.jrtc.rtp.sim.Impairments;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receive-side building blocks, each on its own, in virtual time. */
class ReceiveSideComponentsTest {
    private static final long MS = 1_000_000L;

    @Test
    void jitterBufferDelayFollowsMeasuredJitter() throws Exception {
        long[] delays = new long[2];
        for (int jittery = 0; jittery < 2; jittery++) {
            JitterBuffer jb = new JitterBuffer(new OpusDepacketizer(), 48_000, JitterBuffer.Config.defaults(), new DropCounters());
            RandomSource r = RandomSource.seeded(5);
            RtpPacket v = new RtpPacket();
            for (int i = 0; i < 500; i++) {
                long arrival = i * 20 * MS + (jittery == 1 ? (long) (Impairments.uniform(r) * 40 * MS) : 0);
                byte[] p = RtpHeader.of(111, false, i, 960L * i, 9).toPacket(new byte[] {(byte) 0xfc});
                v.parse(p, 0, p.length);
                jb.insert(arrival, v, 100_000 + i, false);
            }
            delays[jittery] = jb.targetDelayNanos();
        }
        assertEquals(0, delays[0], "a clean stream is not delayed");
        assertTrue(delays[1] > 20 * MS && delays[1] < 120 * MS, "about three times the jitter: " + delays[1] / 1e6 + " ms");
    }

    @Test
    void nackGeneratorRetriesEveryRttAndGivesUpAfterTheLimit() {
        NackGenerator.Config c = new NackGenerator.Config(3, 5 * MS, 10 * MS, 1.0, 1_000 * MS, 100);
        NackGenerator n = new NackGenerator(c);
        n.onPacket(0, 10);
        n.onPacket(1 * MS, 13); // 11 and 12 missing
        assertEquals(List.of(), n.due(2 * MS, 50 * MS), "reordering grace");
        assertEquals(List.of(11, 12), n.due(6 * MS, 50 * MS));
        assertEquals(List.of(), n.due(30 * MS, 50 * MS), "not before an RTT passed");
        n.onPacket(40 * MS, 11); // repaired
        assertEquals(List.of(12), n.due(56 * MS, 50 * MS));
        assertEquals(List.of(12), n.due(106 * MS, 50 * MS));
        assertEquals(List.of(), n.due(156 * MS, 50 * MS), "three tries, then given up");
        assertEquals(1, n.packetsGivenUp());
        assertEquals(4, n.nacksSent());
        n.onPacket(200 * MS, 5000);
        assertTrue(n.takeKeyFrameWanted(), "a gap of thousands is not repaired packet by packet");
    }

    @Test
    void keyFrameRequesterSendsOncePerIntervalWhileNeeded() {
        KeyFrameRequester k = new KeyFrameRequester(500 * MS);
        assertFalse(k.takeDue(0));
        k.request();
        assertTrue(k.takeDue(0));
        k.request();
        assertFalse(k.takeDue(100 * MS));
        assertEquals(500 * MS, k.nextDeadlineNanos());
        assertTrue(k.takeDue(500 * MS));
        k.satisfied();
        assertFalse(k.takeDue(2_000 * MS));
        assertEquals(2, k.requestsSent());
    }

    @Test
    void statisticsReportLossJitterAndTheSenderReportEcho() {
        ReceiveStatistics s = new ReceiveStatistics(0xabc, 90_000);
        for (int i = 0; i < 100; i++) {
            if (i % 10 == 3) {
                continue; // 10 % lost
            }
            s.onPacket(i * 10 * MS + (i % 2) * 2 * MS, 70_000 + i, 900L * i, false);
        }
        long ntp = NtpTime.fromEpochNanos(1_700_000_000_000_000_000L);
        s.onSenderReport(1_000 * MS, ntp);
        ReportBlock b = s.reportBlock(1_500 * MS);
        assertEquals(10, b.cumulativeLost());
        assertEquals(25, b.fractionLost(), "10 of 100 is 25.6/256");
        assertEquals(70_099 - 65_536, b.extendedHighestSequence(), "cycles counted from the first packet");
        assertTrue(b.jitter() > 100 && b.jitter() < 200, "2 ms alternation is about 180 ticks at 90 kHz: " + b.jitter());
        assertEquals(NtpTime.compact(ntp), b.lastSenderReport());
        assertEquals(0x8000, b.delaySinceLastSenderReport(), "half a second in 1/65536 s");
        assertEquals(0, s.reportBlock(2_000 * MS).fractionLost(), "nothing new lost in the next interval");
    }

    @Test
    void rttFromAnEchoedReportUsesOnlyTheMonotonicClock() {
        RttEstimator e = new RttEstimator();
        long ntp = NtpTime.fromEpochNanos(1_700_000_000_123_000_000L);
        e.onReportSent(ntp, 0);
        long rtt = e.onEcho(NtpTime.compact(ntp), NtpTime.toCompactDuration(200 * MS), 280 * MS);
        assertEquals(80 * MS, rtt, 1 * MS);
        assertEquals(-1, e.onEcho(12345, 0, 300 * MS), "an unknown LSR is ignored");
    }

    @Test
    void senderReportMapsWallClockToRtpTime() {
        SenderReportGenerator g = new SenderReportGenerator(7, 90_000);
        g.onPacketSent(1_000_000, 5_000 * MS, 1000);
        g.onPacketSent(1_003_000, 5_033 * MS, 800);
        long epoch = 1_700_000_000_000_000_000L;
        var sr = g.report(5_133 * MS, epoch, List.of());
        assertEquals(1_003_000 + 9_000, sr.rtpTimestamp(), "100 ms after the last capture is 9000 ticks later");
        assertEquals(epoch, NtpTime.toEpochNanos(sr.ntpTimestamp()), 1.0);
        assertEquals(2, sr.packetCount());
        assertEquals(1800, sr.octetCount());
    }

    @Test
    void rtxRoundTripRestoresTheOriginalPacket() throws Exception {
        SendHistory h = new SendHistory(64);
        byte[] original = RtpHeader.of(96, true, 4000, 123, 0x11).toPacket(new byte[] {1, 2, 3});
        h.put(4000, original, 0, original.length);
        Retransmitter rtx = Retransmitter.rtx(h, 0x22, 97, 500);
        List<byte[]> out = rtx.onNack(0, List.of(4000, 4001), 100 * MS);
        assertEquals(1, out.size(), "only the packet still held");
        assertTrue(rtx.onNack(50 * MS, List.of(4000), 100 * MS).isEmpty(), "throttled within the interval");
        RtpPacket r = RtpPacket.of(out.get(0), 0, out.get(0).length);
        assertEquals(0x22, r.ssrc());
        assertEquals(500, r.sequenceNumber());
        RtpPacket restored = new RtxUnwrapper(0x11, 97, 96).unwrap(r);
        assertEquals(4000, restored.sequenceNumber());
        assertEquals(96, restored.payloadType());
        assertTrue(restored.marker());
        assertEquals(0x11, restored.ssrc());
        assertEquals(java.util.Arrays.toString(new byte[] {1, 2, 3}), java.util.Arrays.toString(restored.payload()));
        assertEquals(1, Retransmitter.plain(h).onNack(0, List.of(4000), 0).size());
    }

    @Test
    void twccFeedbackReportsArrivalsAndLossesInTicks() {
        TwccFeedbackGenerator g = new TwccFeedbackGenerator(1, 100 * MS);
        g.onPacket(1_000 * MS, 65534, 9);
        g.onPacket(1_010 * MS, 65535, 9);
        g.onPacket(1_030 * MS, 1, 9); // 0 lost, across the wrap
        assertTrue(g.poll(1_050 * MS).isEmpty(), "not before the interval");
        List<TransportFeedback> fb = g.poll(1_100 * MS);
        assertEquals(1, fb.size());
        TransportFeedback f = fb.get(0);
        assertEquals(65534, f.baseSequence());
        assertEquals(List.of(TransportFeedback.Status.received(160), TransportFeedback.Status.received(40),
                TransportFeedback.Status.LOST, TransportFeedback.Status.received(80)), f.packets(),
                "1000 ms is 15 reference units (960 ms) plus 160 ticks of 250 us");
        assertEquals(15, f.referenceTime());
        assertNull(g.poll(1_300 * MS).stream().findAny().orElse(null));
    }
}
