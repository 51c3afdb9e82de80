package dev.jrtc.peerconnection.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.SessionDescription;
import dev.jrtc.sdp.jsep.MediaKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The JSEP side of the engine in virtual time: rollback of our offer and of the peer's, calls in
 * the wrong signaling state, {@code negotiationneeded} (once per change, only when stable),
 * codec preferences deciding the codec, and a stopped transceiver's section rejected with its
 * remote track ended.
 */
class JsepNegotiationInVirtualTimeTest {

    @Test
    void rollingBackOurOfferReturnsToStableAndTheNextOfferStillConnects() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(21, Duration.ofMillis(5))) {
            PeerConnectionEngine a = peers.a.engine;
            a.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            a.setLocalDescription(0, SdpType.OFFER, a.createOffer(0));
            assertEquals(SignalingState.HAVE_LOCAL_OFFER, a.signalingState());
            a.setLocalDescription(0, SdpType.ROLLBACK, null);
            assertEquals(SignalingState.STABLE, a.signalingState());
            assertTrue(a.localDescription().isEmpty());

            peers.negotiate();
            peers.runUntil(() -> a.connectionState() == ConnectionState.CONNECTED
                    && peers.b.engine.connectionState() == ConnectionState.CONNECTED, Duration.ofSeconds(20));
        }
    }

    @Test
    void rollingBackThePeersOfferRemovesTheTransceiversItMade() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(22, Duration.ofMillis(5))) {
            PeerConnectionEngine a = peers.a.engine;
            PeerConnectionEngine b = peers.b.engine;
            a.addTransceiver(0, MediaKind.AUDIO, Direction.SENDRECV);
            a.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            SessionDescription offer = a.createOffer(0);
            a.setLocalDescription(0, SdpType.OFFER, offer);
            b.setRemoteDescription(0, SdpType.OFFER, SessionDescription.parse(offer.toSdpString()));
            assertEquals(2, b.transceivers().size());
            assertEquals(SignalingState.HAVE_REMOTE_OFFER, b.signalingState());

            b.setRemoteDescription(0, SdpType.ROLLBACK, null);
            assertEquals(SignalingState.STABLE, b.signalingState());
            assertEquals(0, b.transceivers().size());
            assertTrue(b.remoteDescription().isEmpty());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.createAnswer(0));
            assertTrue(e.getMessage().startsWith("InvalidStateError"), e.getMessage());
            IllegalStateException again = assertThrows(IllegalStateException.class, () -> b.rollback(0));
            assertTrue(again.getMessage().startsWith("InvalidStateError"), again.getMessage());
        }
    }

    @Test
    void answerInTheStableStateIsRefused() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(23, Duration.ofMillis(5))) {
            PeerConnectionEngine a = peers.a.engine;
            a.addTransceiver(0, MediaKind.AUDIO, Direction.SENDRECV);
            SessionDescription offer = a.createOffer(0);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> peers.b.engine.setRemoteDescription(0, SdpType.ANSWER, offer));
            assertTrue(e.getMessage().startsWith("InvalidStateError: setRemoteDescription(answer) in signaling state stable"),
                    e.getMessage());
        }
    }

    @Test
    void negotiationNeededFiresOncePerChangeAndOnlyWhenStable() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(24, Duration.ofMillis(5))) {
            PeerConnectionEngine a = peers.a.engine;
            Transceiver video = a.addTransceiver(0, MediaKind.VIDEO, Direction.SENDRECV);
            a.addTransceiver(0, MediaKind.AUDIO, Direction.SENDRECV);
            peers.drain();
            assertEquals(1, peers.a.events(EngineEvent.NegotiationNeeded.class).size());

            peers.negotiate();
            peers.runUntil(() -> a.connectionState() == ConnectionState.CONNECTED, Duration.ofSeconds(20));
            assertEquals(1, peers.a.events(EngineEvent.NegotiationNeeded.class).size());
            assertTrue(peers.b.events(EngineEvent.NegotiationNeeded.class).isEmpty());

            a.setLocalDescription(0, SdpType.OFFER, a.createOffer(peers.clock.nanoTime())); // have-local-offer
            a.setDirection(peers.clock.nanoTime(), video, Direction.RECVONLY);
            peers.drain();
            assertEquals(1, peers.a.events(EngineEvent.NegotiationNeeded.class).size(), "not while an offer is out");
            a.rollback(peers.clock.nanoTime());
            peers.drain();
            assertEquals(2, peers.a.events(EngineEvent.NegotiationNeeded.class).size(), "once stable again");

            a.setDirection(peers.clock.nanoTime(), video, Direction.SENDRECV); // back to what was negotiated
            a.setDirection(peers.clock.nanoTime(), video, Direction.RECVONLY);
            peers.drain();
            assertEquals(3, peers.a.events(EngineEvent.NegotiationNeeded.class).size());
        }
    }

    @Test
    void codecPreferencesChooseH264() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(25, Duration.ofMillis(5))) {
            PeerConnectionEngine a = peers.a.engine;
            Transceiver video = a.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> a.setCodecPreferences(0, video, java.util.List.of("VP9")));
            assertTrue(bad.getMessage().startsWith("InvalidModificationError"), bad.getMessage());
            a.setCodecPreferences(0, video, java.util.List.of("H264"));

            SessionDescription offer = a.createOffer(0);
            MediaDescription m = offer.media().get(0);
            assertTrue(m.codecs().stream().filter(c -> !c.isRtx()).allMatch(c -> c.isNamed("H264")), m.codecs().toString());
            assertTrue(m.codecs().stream().anyMatch(c -> c.isRtx()), "RTX of the kept codecs stays");
            peers.negotiate();
            assertEquals("H264", peers.b.events(EngineEvent.TrackAdded.class).get(0).codec().toUpperCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void stoppedTransceiverIsRejectedAndTheRemoteTrackEnds() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(26, Duration.ofMillis(5))) {
            PeerConnectionEngine a = peers.a.engine;
            Transceiver video = a.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            a.addTransceiver(0, MediaKind.AUDIO, Direction.SENDONLY);
            peers.negotiate();
            peers.runUntil(() -> a.connectionState() == ConnectionState.CONNECTED
                    && peers.b.engine.connectionState() == ConnectionState.CONNECTED, Duration.ofSeconds(20));
            String mid = video.mid().orElseThrow();
            int needed = peers.a.events(EngineEvent.NegotiationNeeded.class).size();

            a.stopTransceiver(peers.clock.nanoTime(), video);
            peers.drain();
            assertTrue(video.stopped());
            assertEquals(needed + 1, peers.a.events(EngineEvent.NegotiationNeeded.class).size());
            assertThrows(IllegalArgumentException.class, () -> a.sendFrame(peers.clock.nanoTime(), mid, new byte[5], 0));

            peers.negotiate();
            assertTrue(a.localDescription().orElseThrow().mediaByMid(mid).orElseThrow().isRejected());
            assertTrue(peers.b.engine.localDescription().orElseThrow().mediaByMid(mid).orElseThrow().isRejected());
            assertTrue(peers.b.events(EngineEvent.TrackEnded.class).stream().anyMatch(t -> t.mid().equals(mid)));
            assertEquals(ConnectionState.CONNECTED, a.connectionState(), "the audio section keeps the bundle");
            assertTrue(peers.a.engine.connectionReport().isEmpty(), "a stopped section is no codec failure");
        }
    }
}
