package dev.jrtc.peerconnection.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.Transmit;
import dev.jrtc.peerconnection.Clips;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.ext.ExtensionReader;
import dev.jrtc.rtp.rtcp.RtcpCompound;
import dev.jrtc.rtp.rtcp.RtcpPacket;
import dev.jrtc.rtp.rtcp.TransportFeedback;
import dev.jrtc.rtp.send.SendConfig;
import dev.jrtc.rtp.send.TransportSequencer;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.RtpCodec;
import dev.jrtc.sdp.jsep.LocalCapabilities;
import dev.jrtc.sdp.jsep.MediaKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Transport-wide congestion control: when the transport-wide-cc extension is negotiated, every RTP
 * packet leaves with a transport-wide sequence number from the transport's one sequencer, and the
 * receiver's feedback reports every one of them as received.
 */
class TransportWideCcFeedbackCoversEveryPacketTest {
    private static final RtpCodec VP8 = new RtpCodec(96, "VP8", 90_000, 1, Map.of(), List.of());

    private long now = 1_000_000_000L;

    @Test
    void receiverFeedbackReportsEveryStampedPacketAsReceived() throws Exception {
        ExtensionMap map = new ExtensionMap(Map.of(3, LocalCapabilities.EXT_TRANSPORT_WIDE_CC));
        TransportWideCc twcc = new TransportWideCc(new TransportSequencer(65_500), 3, map, true); // wraps mid-clip
        Random random = new Random(8888);
        MediaSession sender = new MediaSession("0", MediaKind.VIDEO, VP8, () -> now, new SendConfig(0xAAAAL, 96, 90_000,
                CodecSupport.packetizer(VP8, random::nextInt), 1200, 100, -1, -1, 1024, 1_000_000_000L, "a"),
                null, -1, 0x1111L, "a", twcc);
        MediaSession receiver = new MediaSession("0", MediaKind.VIDEO, VP8, () -> now, null, VP8, -1, 0x2222L, "b",
                new TransportWideCc(new TransportSequencer(0), 3, map, true));
        receiver.bindRemote(0xAAAAL, -1);
        ExtensionReader reader = new ExtensionReader(map);

        TreeSet<Integer> stamped = new TreeSet<>();
        TreeSet<Integer> reported = new TreeSet<>();
        List<byte[]> clip = Clips.vp8Frames();
        for (int n = 0; n < clip.size() + 10; n++) {
            if (n < clip.size()) {
                sender.sendFrame(now, clip.get(n), 1000 + 3000L * n);
            }
            sender.handleTimeout(now);
            List<byte[]> rtp = new ArrayList<>();
            sender.drain(now, sink(rtp, new ArrayList<>()), e -> { });
            for (byte[] p : rtp) {
                int seq = reader.transportSequenceNumber(RtpPacket.of(p, 0, p.length));
                assertTrue(seq >= 0, "every packet carries a transport-wide sequence number");
                assertTrue(stamped.add(seq), "numbers are not reused: " + seq);
                receiver.onRtp(now, p, 0, p.length);
            }
            now += 33_000_000L;
            receiver.handleTimeout(now);
            List<byte[]> rtcp = new ArrayList<>();
            receiver.drain(now, sink(new ArrayList<>(), rtcp), e -> { });
            for (byte[] d : rtcp) {
                for (RtcpPacket p : RtcpCompound.parse(d)) {
                    if (p instanceof TransportFeedback f) {
                        for (int i = 0; i < f.packets().size(); i++) {
                            if (f.packets().get(i).received()) {
                                reported.add((f.baseSequence() + i) & 0xFFFF);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(stamped.size() > clip.size(), "a packet or more per frame: " + stamped.size());
        assertTrue(stamped.contains(65_535) && stamped.contains(0), "the clip crossed the 16-bit wrap");
        assertEquals(stamped, reported, "feedback covers every packet");
    }

    @Test
    void negotiatedEnginesStampEveryRtpPacketFromOneSequence() throws Exception {
        List<byte[]> clip = Clips.vp8Frames().subList(0, 10);
        try (EnginePair peers = EnginePair.withLatency(5, Duration.ofMillis(10))) {
            Transceiver video = peers.a.engine.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            Transceiver audio = peers.a.engine.addTransceiver(0, MediaKind.AUDIO, Direction.SENDONLY);
            peers.negotiate();
            int id = peers.a.engine.remoteDescription().orElseThrow().media().get(0).attributes().extMaps().stream()
                    .filter(e -> e.uri().equals(LocalCapabilities.EXT_TRANSPORT_WIDE_CC)).findFirst().orElseThrow().id();
            ExtensionReader reader = new ExtensionReader(new ExtensionMap(Map.of(id, LocalCapabilities.EXT_TRANSPORT_WIDE_CC)));
            List<Integer> seen = new ArrayList<>();
            peers.tap(t -> {
                if (t.source().equals(peers.a.address) && isRtp(t)) {
                    try {
                        // SRTP leaves the header, extensions included, in the clear (RFC 3711 section 3.1).
                        seen.add(reader.transportSequenceNumber(RtpPacket.of(t.data(), t.offset(), t.length())));
                    } catch (dev.jrtc.common.ParseException e) {
                        throw new AssertionError(e);
                    }
                }
            });
            peers.runUntil(() -> peers.a.engine.connectionState() == ConnectionState.CONNECTED
                    && peers.b.engine.connectionState() == ConnectionState.CONNECTED, Duration.ofSeconds(20));
            long ts = 0;
            for (byte[] frame : clip) {
                assertTrue(peers.a.engine.sendFrame(peers.clock.nanoTime(), video.mid().orElseThrow(), frame, ts));
                assertTrue(peers.a.engine.sendFrame(peers.clock.nanoTime(), audio.mid().orElseThrow(), new byte[40], ts));
                peers.drain();
                ts += 3000;
                peers.runFor(Duration.ofMillis(33));
            }
            peers.runFor(Duration.ofMillis(300));
            for (Transceiver t : peers.b.engine.transceivers()) {
                assertFalse(t.session().sendsTransportFeedback(),
                        "two receiving sections: one stream's feedback would report the other's packets lost");
            }
            assertTrue(seen.size() > 2 * clip.size(), "RTP seen: " + seen.size());
            for (int i = 1; i < seen.size(); i++) {
                assertEquals((seen.get(i - 1) + 1) & 0xFFFF, seen.get(i),
                        "one transport-wide sequence across audio and video, in send order: " + seen);
            }
        }
    }

    @Test
    void aSingleReceivingSectionSendsFeedback() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(6, Duration.ofMillis(10))) {
            peers.a.engine.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            peers.negotiate();
            Transceiver received = peers.b.engine.transceivers().get(0);
            assertTrue(received.session().sendsTransportFeedback());
            assertFalse(peers.a.engine.transceivers().get(0).session().sendsTransportFeedback(), "a only sends");
        }
    }

    @Test
    void withoutTheExtensionNothingIsStampedOrFedBack() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(7, Duration.ofMillis(10))) {
            peers.a.engine.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            peers.negotiate(offer -> offer.lines().filter(l -> !l.contains(LocalCapabilities.EXT_TRANSPORT_WIDE_CC))
                    .collect(java.util.stream.Collectors.joining("\r\n", "", "\r\n")), answer -> answer);
            assertFalse(peers.b.engine.transceivers().get(0).session().sendsTransportFeedback());
        }
    }

    private static boolean isRtp(Transmit t) {
        if (t.length() < 12 || (t.data()[t.offset()] & 0xC0) != 0x80) {
            return false;
        }
        int pt = t.data()[t.offset() + 1] & 0x7F;
        return pt < 64 || pt > 95; // RTCP packet types 192..223 map to 64..95 (RFC 5761 section 4)
    }

    private static MediaSession.PacketSink sink(List<byte[]> rtp, List<byte[]> rtcp) {
        return new MediaSession.PacketSink() {
            @Override
            public boolean sendRtp(long t, byte[] packet) {
                rtp.add(packet);
                return true;
            }

            @Override
            public boolean sendRtcp(long t, byte[] packet) {
                rtcp.add(packet);
                return true;
            }
        };
    }
}
