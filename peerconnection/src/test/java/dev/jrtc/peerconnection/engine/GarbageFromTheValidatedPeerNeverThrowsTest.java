package dev.jrtc.peerconnection.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Bad input from the one address the source gate lets through (the validated peer) reaches the
 * DTLS and SRTP paths; it must be dropped and counted, never thrown, and the call must survive.
 * API misuse, on the other hand, throws with the W3C error name.
 */
class GarbageFromTheValidatedPeerNeverThrowsTest {

    @Test
    void randomDatagramsOfEveryKindAreDroppedAndTheConnectionSurvives() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(99, Duration.ofMillis(5))) {
            peers.a.engine.addTransceiver(0, MediaKind.VIDEO, Direction.SENDRECV);
            peers.negotiate();
            peers.runUntil(() -> peers.a.engine.connectionState() == ConnectionState.CONNECTED
                    && peers.b.engine.connectionState() == ConnectionState.CONNECTED, Duration.ofSeconds(20));
            RandomSource random = RandomSource.seeded(1234);
            int[] firstBytes = {0, 1, 20, 22, 23, 64, 0x80, 0x81, 0x90, 0xBF, 0xFF};
            for (int i = 0; i < 2000; i++) {
                byte[] junk = new byte[1 + random.nextInt(300)];
                random.nextBytes(junk);
                junk[0] = (byte) firstBytes[random.nextInt(firstBytes.length)];
                if (junk.length > 1 && (junk[0] & 0xC0) == 0x80) {
                    junk[1] = (byte) (random.nextInt(2) == 0 ? 96 : 200); // RTP or RTCP
                }
                peers.inject(peers.b, peers.a.address, junk);
            }
            EngineStats stats = peers.b.engine.stats();
            assertTrue(stats.srtpDropped() > 0, stats.toString());
            assertEquals(0, stats.rtpReceived(), "random bytes must not authenticate: " + stats);
            peers.runFor(Duration.ofSeconds(1));
            assertEquals(ConnectionState.CONNECTED, peers.b.engine.connectionState());
        }
    }

    @Test
    void signalingMisuseThrowsWithTheW3cErrorName() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(5, Duration.ofMillis(5))) {
            PeerConnectionEngine e = peers.a.engine;
            IllegalStateException noOffer = assertThrows(IllegalStateException.class, () -> e.createAnswer(0));
            assertTrue(noOffer.getMessage().startsWith("InvalidStateError"), noOffer.getMessage());
            e.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            var offer = e.createOffer(0);
            IllegalStateException answerInStable = assertThrows(IllegalStateException.class,
                    () -> e.setRemoteDescription(0, SdpType.ANSWER, offer));
            assertTrue(answerInStable.getMessage().startsWith("InvalidStateError"));
            assertThrows(IllegalArgumentException.class, () -> e.addTransceiver(0, MediaKind.APPLICATION, Direction.SENDRECV));
            e.close(0);
            assertThrows(IllegalStateException.class, () -> e.createOffer(0));
            assertEquals(SignalingState.CLOSED, e.signalingState());
        }
    }
}
