package dev.jrtc.reliability.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.engine.SdpType;
import dev.jrtc.peerconnection.engine.SignalingState;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.sdp.SessionDescription;
import dev.jrtc.sdp.jsep.MediaKind;
import dev.jrtc.sdp.Direction;
import dev.jrtc.common.ParseException;
import org.junit.jupiter.api.Test;

/**
 * Offers built to exhaust the answerer: a million attribute lines, a 16 MB line, ten thousand
 * m-sections. Each is refused with a clear error in bounded time, and the engine that would have
 * received it is left as it was.
 */
class SdpBombTest {
    private static final long BUDGET_NANOS = 3_000_000_000L;

    @Test
    void hugeLineCountIsRejectedQuickly() throws Exception {
        assertBombRejected(realOffer -> {
            StringBuilder sb = new StringBuilder(realOffer);
            for (int i = 0; i < 1_000_000; i++) {
                sb.append("a=x-bomb:").append(i).append("\r\n");
            }
            return sb.toString();
        });
    }

    @Test
    void veryLongLineIsRejectedQuickly() throws Exception {
        assertBombRejected(realOffer -> realOffer + "a=x-bomb:" + "A".repeat(16 << 20) + "\r\n");
    }

    @Test
    void tenThousandMediaSectionsAreRejectedQuickly() throws Exception {
        assertBombRejected(realOffer -> {
            StringBuilder sb = new StringBuilder(realOffer);
            for (int i = 0; i < 10_000; i++) {
                sb.append("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:b").append(i)
                        .append("\r\na=rtpmap:111 opus/48000/2\r\n");
            }
            return sb.toString();
        });
    }

    private static void assertBombRejected(java.util.function.UnaryOperator<String> bomb) throws Exception {
        try (EnginePair pair = new EnginePair(18)) {
            pair.a.engine.addTransceiver(0, MediaKind.AUDIO, Direction.SENDRECV);
            SessionDescription offer = pair.a.engine.createOffer(0);
            String text = bomb.apply(offer.toSdpString());
            long start = System.nanoTime();
            ParseException e = assertThrows(ParseException.class, () -> SessionDescription.parse(text));
            long took = System.nanoTime() - start;
            assertTrue(took < BUDGET_NANOS, "rejection took " + took / 1e6 + " ms");
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "the error says why");
            assertTrue(e.getMessage().length() < 500, "the error does not echo the bomb");
            assertEquals(SignalingState.STABLE, pair.b.engine.signalingState());
            assertFalse(pair.b.engine.remoteDescription().isPresent());
            // The engine still works afterwards with a sane offer.
            pair.b.engine.setRemoteDescription(0, SdpType.OFFER, SessionDescription.parse(offer.toSdpString()));
            assertEquals(SignalingState.HAVE_REMOTE_OFFER, pair.b.engine.signalingState());
        }
    }
}
