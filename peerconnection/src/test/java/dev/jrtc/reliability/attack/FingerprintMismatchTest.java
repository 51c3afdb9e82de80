package dev.jrtc.reliability.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.Packets;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The answer reaching a carries a fingerprint that is not b's certificate (a man in the middle
 * of signalling, or of DTLS): a must fail with a reason that names the fingerprint, derive no keys
 * and never send SRTP.
 */
class FingerprintMismatchTest {
    private static final Pattern FINGERPRINT = Pattern.compile("a=fingerprint:sha-256 ([0-9A-Fa-f:]+)");

    @Test
    void fingerprintMismatchFailsWithReasonAndNoKeys() throws Exception {
        try (EnginePair pair = new EnginePair(13)) {
            pair.a.engine.addTransceiver(0, MediaKind.VIDEO, Direction.SENDRECV);
            pair.negotiate(offer -> offer, FingerprintMismatchTest::otherFingerprint);
            pair.runUntil(() -> pair.a.engine.connectionState() == ConnectionState.FAILED, Duration.ofSeconds(30));

            assertTrue(pair.a.engine.srtpProfile().isEmpty(), "no keys exported");
            String reason = pair.a.engine.failureExplanation().orElse("").toLowerCase(Locale.ROOT);
            assertTrue(reason.contains("fingerprint"), "reason names the fingerprint: " + reason);
            assertTrue(pair.a.events(EngineEvent.SecureTransportReady.class).isEmpty());
            assertEquals(0, pair.a.sent.stream().map(EnginePair.Sent::transmit).filter(Packets::isSrtpOrSrtcp).count());
            assertTrue(pair.b.events(EngineEvent.FrameReceived.class).isEmpty());
        }
    }

    private static String otherFingerprint(String sdp) {
        Matcher m = FINGERPRINT.matcher(sdp);
        assertTrue(m.find(), "answer has a sha-256 fingerprint");
        String fp = m.group(1);
        char first = fp.charAt(0);
        String forged = (first == 'A' ? 'B' : 'A') + fp.substring(1);
        return sdp.replace(fp, forged);
    }
}
