package dev.jrtc.peerconnection.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.IceConnectionState;
import dev.jrtc.peerconnection.Clips;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java to Java through two sans-IO engines in virtual time: offer/answer with stack-sdp, ICE,
 * DTLS, SRTP, then a VP8 clip that must arrive frame by frame, byte for byte.
 */
class TwoEnginesSendVp8InVirtualTimeTest {

    @Test
    void vp8ClipArrivesByteExactAfterIceDtlsAndSrtp() throws Exception {
        List<byte[]> clip = Clips.vp8Frames();
        try (EnginePair peers = EnginePair.withLatency(42, Duration.ofMillis(10))) {
            Transceiver sender = peers.a.engine.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            peers.negotiate();
            assertEquals(SignalingState.STABLE, peers.a.engine.signalingState());
            assertEquals(SignalingState.STABLE, peers.b.engine.signalingState());

            peers.runUntil(() -> peers.a.engine.connectionState() == ConnectionState.CONNECTED
                    && peers.b.engine.connectionState() == ConnectionState.CONNECTED, Duration.ofSeconds(20));
            assertTrue(peers.a.engine.srtpProfile().isPresent());
            assertEquals(peers.a.engine.srtpProfile(), peers.b.engine.srtpProfile());
            assertTrue(peers.b.events(EngineEvent.TrackAdded.class).stream().anyMatch(t -> t.codec().equalsIgnoreCase("VP8")));

            String mid = sender.mid().orElseThrow();
            long ts = 1000;
            for (byte[] frame : clip) {
                assertTrue(peers.a.engine.sendFrame(peers.clock.nanoTime(), mid, frame, ts));
                peers.drain();
                ts += 3000;
                peers.runFor(Duration.ofMillis(33));
            }
            peers.runUntil(() -> peers.b.events(EngineEvent.FrameReceived.class).size() >= clip.size(),
                    Duration.ofSeconds(5));

            List<EncodedFrame> got = peers.b.events(EngineEvent.FrameReceived.class).stream()
                    .map(EngineEvent.FrameReceived::frame).toList();
            assertEquals(clip.size(), got.size());
            for (int i = 0; i < clip.size(); i++) {
                assertArrayEquals(clip.get(i), got.get(i).data(), "frame " + i);
                assertEquals(1000 + 3000L * i, got.get(i).rtpTimestamp());
                assertEquals(i % 10 == 0, got.get(i).keyFrame(), "key frame flag of frame " + i);
                assertEquals("VP8", got.get(i).codec().toUpperCase(java.util.Locale.ROOT));
            }
            assertEquals(0, peers.b.engine.stats().sourceGateDropped());
            assertEquals(0, peers.b.engine.stats().srtpDropped());
        }
    }

    @Test
    void datagramFromAnUnvalidatedAddressIsDroppedAndCounted() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(7, Duration.ofMillis(5))) {
            peers.a.engine.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            peers.negotiate();
            peers.runUntil(() -> peers.b.engine.connectionState() == ConnectionState.CONNECTED
                    && peers.a.engine.connectionState() == ConnectionState.CONNECTED, Duration.ofSeconds(20));
            long before = peers.b.engine.stats().sourceGateDropped();
            long rtpBefore = peers.b.engine.stats().rtpReceived();

            InetSocketAddress attacker = new InetSocketAddress("10.0.0.66", 4444);
            byte[] rtp = new byte[100];
            rtp[0] = (byte) 0x80;
            rtp[1] = 96;
            byte[] clientHello = new byte[60];
            clientHello[0] = 22; // DTLS handshake record
            clientHello[1] = (byte) 0xFE;
            clientHello[2] = (byte) 0xFD;
            peers.inject(peers.b, attacker, rtp);
            peers.inject(peers.b, attacker, clientHello);
            peers.inject(peers.b, attacker, new byte[] {(byte) 0xFF}); // not even a known kind

            assertEquals(before + 3, peers.b.engine.stats().sourceGateDropped());
            assertEquals(rtpBefore, peers.b.engine.stats().rtpReceived());
            assertEquals(ConnectionState.CONNECTED, peers.b.engine.connectionState());
            assertTrue(peers.b.engine.iceConnectionState() == IceConnectionState.CONNECTED
                    || peers.b.engine.iceConnectionState() == IceConnectionState.COMPLETED);
        }
    }
}
