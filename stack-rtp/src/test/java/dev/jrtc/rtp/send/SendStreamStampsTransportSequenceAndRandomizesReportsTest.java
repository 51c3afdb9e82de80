package dev.jrtc.rtp.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.RandomSource;
import dev.jrtc.common.VirtualClock;
import dev.jrtc.rtp.RtcpInterval;
import dev.jrtc.rtp.RtpEvents;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.codec.OpusPacketizer;
import dev.jrtc.rtp.codec.Vp8Depacketizer;
import dev.jrtc.rtp.codec.Vp8Packetizer;
import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.ext.ExtensionReader;
import dev.jrtc.rtp.ext.ExtensionType;
import dev.jrtc.rtp.receive.ReceiveConfig;
import dev.jrtc.rtp.receive.ReceiveStream;
import dev.jrtc.rtp.rtcp.GenericNack;
import dev.jrtc.rtp.rtcp.RtcpCompound;
import dev.jrtc.rtp.rtcp.RtcpPacket;
import dev.jrtc.rtp.rtcp.SenderReport;
import dev.jrtc.rtp.rtcp.TransportFeedback;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link SendStream} with {@link SendOptions}, in virtual time: transport-wide sequence numbers on
 * every packet of every stream of a transport, in the order the packets leave, retransmissions
 * included; and sender reports at RFC 3550's randomized intervals.
 */
class SendStreamStampsTransportSequenceAndRandomizesReportsTest {
    private static final int TWCC_ID = 5;
    private static final ExtensionMap MAP = ExtensionMap.of(Map.of(ExtensionType.TRANSPORT_SEQUENCE_NUMBER, TWCC_ID));
    private static final ExtensionReader READER = new ExtensionReader(MAP);
    private static final long MS = 1_000_000L;

    private final VirtualClock clock = new VirtualClock();

    @Test
    void everyPacketOfEveryStreamGetsTheNextNumberInSendingOrder() throws Exception {
        TransportSequencer shared = new TransportSequencer(65_530); // wraps during the test
        SendOptions options = SendOptions.none().withTransportSequence(shared, TWCC_ID);
        SendStream video = new SendStream(SendConfig.of(0x1111, 96, 90_000, () -> new Vp8Packetizer(0), 100)
                .withRtx(0x2222, 97), clock, options);
        SendStream audio = new SendStream(SendConfig.of(0x3333, 111, 48_000, OpusPacketizer::new, 200), clock, options);

        List<byte[]> wire = new ArrayList<>();
        byte[] frame = new byte[3000];
        for (int i = 0; i < 10; i++) {
            long now = i * 33 * MS;
            video.sendFrame(now, frame, 3000L * i);
            audio.sendFrame(now, new byte[80], 960L * i);
            drainRtp(audio, wire);
            drainRtp(video, wire);
        }
        // A NACK for the first two video packets, twice: RTX copies of the same original must get fresh numbers.
        byte[] nack = RtcpCompound.write(new GenericNack(0x9999, 0x1111, List.of(100, 101)));
        video.handleRtcp(400 * MS, nack, 0, nack.length);
        drainRtp(video, wire);
        video.handleRtcp(800 * MS, nack, 0, nack.length);
        drainRtp(video, wire);
        int beforeHeldCopies = wire.size();
        // A retry's second copies wait (for the next frame, or 20 ms), so one burst does not take both.
        video.handleTimeout(800 * MS + SendStream.COPY_HOLD_NANOS);
        drainRtp(video, wire);
        assertEquals(2, wire.size() - beforeHeldCopies, "the held second copies");

        int expected = 65_530;
        int rtx = 0;
        for (byte[] p : wire) {
            RtpPacket rtp = RtpPacket.of(p, 0, p.length);
            assertEquals(expected, READER.transportSequenceNumber(rtp), "packet " + rtp.ssrc() + "/" + rtp.sequenceNumber());
            assertTrue(p.length <= 1200, "the element fits inside the MTU: " + p.length);
            expected = (expected + 1) & 0xFFFF;
            rtx += rtp.payloadType() == 97 ? 1 : 0;
        }
        assertEquals(6, rtx, "RTX: 2 for the first NACK, 2 x 2 for the repeat (a retry gets a redundant second copy)");
        assertTrue(wire.size() > 40);

        // The receive side of the same packets reports every number as received.
        ReceiveStream receiver = new ReceiveStream(ReceiveConfig.of(0x9999, 0x1111, 96, 90_000, Vp8Depacketizer::new)
                .withRtx(0x2222, 97).withTwcc(MAP, 50 * MS), clock);
        long t = 900 * MS;
        for (byte[] p : wire) {
            receiver.handleRtp(t += MS, p, 0, p.length);
        }
        receiver.handleTimeout(t + 200 * MS);
        List<Integer> reported = new ArrayList<>();
        for (Output o = receiver.poll(); !(o instanceof Deadline); o = receiver.poll()) {
            if (o instanceof RtpEvents.SendRtcp r) {
                for (RtcpPacket pk : RtcpCompound.parse(r.datagram())) {
                    if (pk instanceof TransportFeedback fb) {
                        for (int k = 0; k < fb.packets().size(); k++) {
                            if (fb.packets().get(k).received()) {
                                reported.add((fb.baseSequence() + k) & 0xFFFF);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(wire.size(), reported.size(), "TWCC feedback covers every stamped packet once");
    }

    @Test
    void withoutTransportCcPacketsCarryNoExtension() throws Exception {
        SendStream video = new SendStream(SendConfig.of(0x1111, 96, 90_000, () -> new Vp8Packetizer(0), 100), clock);
        video.sendFrame(0, new byte[100], 0);
        List<byte[]> wire = new ArrayList<>();
        drainRtp(video, wire);
        assertFalse(RtpPacket.of(wire.get(0), 0, wire.get(0).length).hasExtension());
    }

    @Test
    void senderReportsFollowTheRandomizedRfc3550Interval() throws Exception {
        // 64 kbit/s with the RFC 3550 minimum: Td is 5 s (2.5 s before the first report), each gap
        // between 0.5 and 1.5 times that, over e - 3/2.
        RtcpInterval interval = new RtcpInterval(64_000, RtcpInterval.Minimum.RFC3550, 60, RandomSource.seeded(7));
        SendStream stream = new SendStream(SendConfig.of(0x1111, 111, 48_000, OpusPacketizer::new, 1), clock,
                SendOptions.none().withRtcpInterval(interval));
        List<Long> reports = new ArrayList<>();
        for (long now = 0; now < 1_200_000 * MS; now += 20 * MS) {
            stream.sendFrame(now, new byte[60], now / 20 / MS * 960);
            stream.handleTimeout(now);
            for (Output o = stream.poll(); !(o instanceof Deadline); o = stream.poll()) {
                if (o instanceof RtpEvents.SendRtcp r && RtcpCompound.parse(r.datagram()).get(0) instanceof SenderReport) {
                    reports.add(now);
                }
            }
        }
        double c = RtcpInterval.COMPENSATION;
        long first = reports.get(0);
        assertTrue(first >= 0.5 * 2_500 * MS / c && first <= 1.5 * 2_500 * MS / c + 20 * MS, "first report at " + first);
        long min = Long.MAX_VALUE;
        long max = 0;
        long sum = 0;
        for (int k = 1; k < reports.size(); k++) {
            long gap = reports.get(k) - reports.get(k - 1);
            assertTrue(gap >= 0.5 * 5_000 * MS / c && gap <= 1.5 * 5_000 * MS / c + 20 * MS, "gap " + gap);
            min = Math.min(min, gap);
            max = Math.max(max, gap);
            sum += gap;
        }
        int gaps = reports.size() - 1;
        assertTrue(gaps > 250, gaps + " reports in 20 minutes");
        assertEquals(5_000 * MS / c, (double) sum / gaps, 5_000 * MS / c * 0.05, "mean gap Td / (e - 3/2)");
        assertTrue(max - min > 3_000 * MS, "the gaps really vary: " + min + ".." + max);
    }

    private static void drainRtp(SendStream s, List<byte[]> wire) {
        for (Output o = s.poll(); !(o instanceof Deadline); o = s.poll()) {
            if (o instanceof RtpEvents.SendRtp r) {
                wire.add(r.packet());
            }
        }
    }
}
