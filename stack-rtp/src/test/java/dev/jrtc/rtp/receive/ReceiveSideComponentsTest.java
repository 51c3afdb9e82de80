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
    void nackGeneratorRetriesAfterTheRoundTripAndGivesUpAfterTheLimit() {
        // No margin, no copies: before any repair is timed, a retry follows the RTCP RTT plus an eighth.
        NackGenerator.Config c = new NackGenerator.Config(3, 5 * MS, 10 * MS, 0, 0, 0, 1_000 * MS, 100);
        NackGenerator n = new NackGenerator(c);
        n.onPacket(0, 10);
        n.onPacket(1 * MS, 13); // 11 and 12 missing
        assertEquals(List.of(), n.due(2 * MS, 50 * MS), "reordering grace");
        assertEquals(List.of(11, 12), n.due(6 * MS, 50 * MS));
        assertEquals(56_250_000L, n.retryIntervalNanos(50 * MS));
        assertEquals(List.of(), n.due(62 * MS, 50 * MS), "not before the round trip and margin passed");
        n.onPacket(40 * MS, 11); // repaired
        assertEquals(List.of(12), n.due(63 * MS, 50 * MS));
        assertEquals(List.of(12), n.due(120 * MS, 50 * MS));
        assertEquals(List.of(), n.due(176 * MS, 50 * MS), "the third try's answer is still awaited");
        assertEquals(1, n.missingCount());
        assertEquals(List.of(), n.due(177 * MS, 50 * MS), "three tries, then given up");
        assertEquals(0, n.missingCount());
        assertEquals(1, n.packetsGivenUp());
        assertEquals(4, n.nacksSent());
        n.onPacket(200 * MS, 5000);
        assertTrue(n.takeKeyFrameWanted(), "a gap of thousands is not repaired packet by packet");
    }

    @Test
    void nackRetriesFollowTheTimedRepairRoundTrip() {
        NackGenerator n = new NackGenerator(new NackGenerator.Config(10, 5 * MS, 10 * MS, 5 * MS, 0, 0, 1_000 * MS, 100));
        n.onPacket(0, 100, 0, false, true, false);
        n.onPacket(1 * MS, 102, 0, false, false, true); // 101 of the same frame missing
        assertEquals(List.of(101), n.due(6 * MS, 200 * MS));
        n.onPacket(61 * MS, 101, 0, true, false, false); // its retransmission, 55 ms after the NACK
        assertEquals(55 * MS, n.repairRoundTripNanos(), "timed from the NACK, not from RTCP");
        // 55 ms plus the larger of the 5 ms margin and four times the first sample's spread (55/16).
        assertEquals(55 * MS + 4 * (55 * MS / 16), n.retryIntervalNanos(200 * MS));
    }

    @Test
    void nackAsksAtOnceForWholeFramesAndWaitsTheGraceWithinOne() {
        NackGenerator n = new NackGenerator(NackGenerator.Config.defaults());
        n.onPacket(0, 10, 0, false, true, true);
        n.onPacket(66 * MS, 13, 6000, false, true, false); // frames 3000 (11, 12) lost whole
        assertEquals(List.of(11, 12), n.due(66 * MS, 50 * MS), "no reordering grace between frames");
        n.onPacket(67 * MS, 15, 6000, false, false, true); // 14, in the same frame as 13 and 15
        assertEquals(List.of(), n.due(67 * MS, 50 * MS), "within a frame the packets may swap places");
        assertEquals(List.of(14), n.due(72 * MS, 50 * MS));
    }

    @Test
    void nackRepeatsEachRequestTwiceAsCopiesThatAreNotTries() {
        NackGenerator n = new NackGenerator(NackGenerator.Config.defaults());
        n.onPacket(0, 10, 0, false, true, true);
        n.onPacket(33 * MS, 12, 3000, false, true, true);
        assertEquals(List.of(11), n.due(33 * MS, 50 * MS));
        long retry = n.retryIntervalNanos(50 * MS);
        long copyDelay = Math.min(10 * MS, retry / 8);
        assertEquals(List.of(), n.due(33 * MS + copyDelay - 1, 50 * MS));
        assertEquals(List.of(11), n.due(33 * MS + copyDelay, 50 * MS));
        assertEquals(List.of(11), n.due(33 * MS + 2 * copyDelay, 50 * MS));
        assertEquals(List.of(), n.due(33 * MS + 3 * copyDelay, 50 * MS), "two copies only");
        assertEquals(1, n.nacksSent());
        assertEquals(2, n.copiesSent());
    }

    @Test
    void nackProbesForTheLostLastPacketOfAFrame() {
        NackGenerator n = new NackGenerator(NackGenerator.Config.defaults());
        n.onPacket(0, 10, 0, false, true, true);
        n.onPacket(33 * MS, 11, 3000, false, true, false); // no marker: 12 must follow
        assertEquals(List.of(), n.due(37 * MS, 50 * MS));
        assertEquals(List.of(12), n.due(38 * MS, 50 * MS), "after the grace, with nothing newer");
        assertEquals(1, n.tailProbes());
        n.onPacket(90 * MS, 12, 3000, true, false, true);
        assertEquals(0, n.missingCount());
        n.onPacket(100 * MS, 13, 6000, false, true, true);
        assertEquals(0, n.missingCount(), "the probed packet is not counted as missing again");
    }

    @Test
    void nackProbesBackwardsForTheLostStartOfTheFirstFrame() {
        NackGenerator n = new NackGenerator(NackGenerator.Config.defaults());
        n.onPacket(0, 20, 0, false, false, true); // the first packet seen ends its frame but does not start it
        assertEquals(List.of(12, 13, 14, 15, 16, 17, 18, 19), n.due(5 * MS, 50 * MS), "a window of 8 before it");
        n.onPacket(60 * MS, 19, 0, true, false, false); // nor does the one before it: the window moves on
        List<Integer> next = n.due(65 * MS, 50 * MS);
        assertTrue(next.contains(11) && !next.contains(19) && !next.contains(10), "window now 11..18: " + next);
        n.onPacket(120 * MS, 18, 0, true, true, false); // the (key) frame starts here
        assertEquals(0, n.missingCount(), "requests for packets before the stream's first key frame are dropped");
        assertEquals(List.of(), n.due(200 * MS, 50 * MS));
    }

    @Test
    void aStreamJoinedOnADeltaFrameProbesBackForItsKeyFrame() {
        NackGenerator n = new NackGenerator(NackGenerator.Config.defaults());
        // The first packet starts a frame, but a delta frame: the key frame before it was lost whole.
        n.onPacket(0, 40, 3000, false, true, true, false);
        assertEquals(List.of(32, 33, 34, 35, 36, 37, 38, 39), n.due(5 * MS, 50 * MS));
        n.onPacket(60 * MS, 39, 0, true, false, true, false); // the key frame's last packet
        n.onPacket(61 * MS, 36, 0, true, true, false, true); // and its start: 37 and 38 still missing
        assertEquals(2, n.missingCount());
        // Started by a key frame, a stream is not probed at all.
        NackGenerator clean = new NackGenerator(NackGenerator.Config.defaults());
        clean.onPacket(0, 40, 0, false, true, true, true);
        assertEquals(List.of(), clean.due(5 * MS, 50 * MS));
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
        SendHistory fresh = new SendHistory(64);
        fresh.put(4000, original, 0, original.length);
        assertEquals(1, Retransmitter.plain(fresh).onNack(0, List.of(4000), 0).size());
    }

    @Test
    void aSecondRetransmissionGoesOutTwiceAfterTheFirstCopies() throws Exception {
        SendHistory h = new SendHistory(64);
        for (int seq = 4000; seq < 4002; seq++) {
            byte[] p = RtpHeader.of(96, false, seq, 123, 0x11).toPacket(new byte[] {(byte) seq});
            h.put(seq, p, 0, p.length);
        }
        Retransmitter rtx = Retransmitter.rtx(h, 0x22, 97, 500);
        assertEquals(1, rtx.onNack(0, List.of(4000), 25 * MS).size());
        assertTrue(rtx.onNack(20 * MS, List.of(4000), 25 * MS).isEmpty(), "a copy of the request");
        List<byte[]> again = rtx.onNack(60 * MS, List.of(4000, 4001), 25 * MS);
        assertEquals(3, again.size(), "4000 asked for after its retransmission was lost: twice");
        int[] osn = new int[3];
        int[] rtxSeq = new int[3];
        for (int i = 0; i < 3; i++) {
            RtpPacket r = RtpPacket.of(again.get(i), 0, again.get(i).length);
            rtxSeq[i] = r.sequenceNumber();
            osn[i] = new RtxUnwrapper(0x11, 97, 96).unwrap(r).sequenceNumber();
        }
        assertEquals(java.util.Arrays.toString(new int[] {4000, 4001, 4000}), java.util.Arrays.toString(osn),
                "the second copy after the other first copies");
        assertEquals(java.util.Arrays.toString(new int[] {501, 502, 503}), java.util.Arrays.toString(rtxSeq),
                "each copy with its own RTX sequence number");
        assertEquals(4, rtx.retransmissions());
        assertEquals(1, rtx.redundantRetransmissions());
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

    @Test
    void twccFeedbackCoversManyReorderedPacketsAndAJumpAhead() {
        TwccFeedbackGenerator g = new TwccFeedbackGenerator(1, 100 * MS);
        // 300 packets 250 us apart, every 7th missing and each pair after the first swapped: wider than
        // the first ring.
        int expectedReceived = 0;
        for (int i = 0; i < 300; i += 2) {
            for (int k : i == 0 ? new int[] {i, i + 1} : new int[] {i + 1, i}) {
                if (k % 7 != 3) {
                    g.onPacket(1_000 * MS + k * 250_000L, 1_000 + k, 9);
                    expectedReceived++;
                }
            }
        }
        List<TransportFeedback> fb = g.poll(1_200 * MS);
        assertEquals(1, fb.size());
        TransportFeedback f = fb.get(0);
        assertEquals(1_000, f.baseSequence());
        assertEquals(300, f.packets().size());
        for (int k = 0; k < 300; k++) {
            assertEquals(k % 7 != 3, f.packets().get(k).received(), "status of packet " + k);
        }
        assertEquals(expectedReceived, f.packets().stream().filter(TransportFeedback.Status::received).count());
        // Far ahead (within half the 16-bit space): reported with the losses since the last feedback; 2000 ms is 31 units (1984 ms) plus 64 ticks.
        g.onPacket(2_000 * MS, 20_000, 9);
        g.onPacket(2_001 * MS, 20_001, 9);
        g.onPacket(2_002 * MS, 1_100, 9); // already reported: ignored
        List<TransportFeedback> next = g.poll(2_100 * MS);
        assertEquals(1, next.size());
        assertEquals(List.of(TransportFeedback.Status.received(64), TransportFeedback.Status.received(4)),
                next.get(0).packets().subList(next.get(0).packets().size() - 2, next.get(0).packets().size()));
        assertEquals(20_001 - next.get(0).baseSequence() + 1, next.get(0).packets().size());
    }
}
