package dev.jrtc.reliability.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.reliability.sim.ConnectivityChecks;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.IceCredentialsFromSdp;
import dev.jrtc.reliability.sim.VideoCall;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Binding requests with a bad MESSAGE-INTEGRITY, a wrong ufrag, or an attribute smuggled after the
 * integrity attributes, from an outside address and from the validated peer's own address: none is
 * answered, none changes the connection, and media keeps going to the real peer.
 */
class ForgedStunTest {

    @Test
    void forgedStunIsDroppedWithoutStateChange() throws Exception {
        try (EnginePair pair = new EnginePair(14)) {
            VideoCall call = VideoCall.connect(pair);
            call.send(5);
            IceCredentialsFromSdp b = IceCredentialsFromSdp.of(pair.b.engine);
            IceCredentialsFromSdp a = IceCredentialsFromSdp.of(pair.a.engine);
            ConnectivityChecks checks = new ConnectivityChecks(99);
            String user = b.ufrag() + ":" + a.ufrag();
            List<byte[]> forged = List.of(
                    checks.check(user, "not-the-password-at-all-x", true),
                    checks.check("zzzz:" + a.ufrag(), b.password(), true),
                    ConnectivityChecks.withAttributeAfterIntegrity(checks.check(user, b.password(), false)));
            InetSocketAddress attacker = new InetSocketAddress("10.0.0.66", 4444);
            var iceBefore = pair.b.engine.iceConnectionState();
            int sentBefore = pair.b.sent.size();

            for (byte[] f : forged) {
                pair.inject(pair.b, attacker, f.clone());
                pair.inject(pair.b, pair.a.address, f.clone());
            }
            List<EnginePair.Sent> answers = pair.b.sent.subList(sentBefore, pair.b.sent.size());
            assertEquals(0, answers.size(), "no forged request is answered: " + answers);

            call.send(30);
            call.awaitAll(Duration.ofSeconds(2));
            assertEquals(iceBefore, pair.b.engine.iceConnectionState());
            assertTrue(pair.b.connected());
            assertTrue(pair.b.sent.subList(sentBefore, pair.b.sent.size()).stream()
                    .allMatch(s -> s.transmit().destination().equals(pair.a.address)), "b only ever talks to a");
        }
    }
}
