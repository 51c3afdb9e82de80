package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.sim.NatType;
import dev.jrtc.ice.sim.TwoPeers;
import org.junit.jupiter.api.Test;

/** RFC 7675 in virtual time: blackouts recover, lasting silence loses consent at 30 s. */
class ConsentFreshnessTest {
    private static final long S = 1_000_000_000L;

    @Test
    void fiveSecondBlackoutRecoversWithoutRestart() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.FULL_CONE, NatType.PORT_RESTRICTED)).start();
        assertTrue(p.runUntilConnected(10));
        p.net.runFor(20_000);
        long start = p.net.now();
        p.net.setDropRule((t, addrs) -> t >= start && t < start + 5 * S);
        String pairBefore = TwoPeers.selectedTypes(p.a) + p.a.agent.selectedPair().orElseThrow().remote();
        p.net.runFor(15_000);
        assertTrue(p.a.isConnected() && p.b.isConnected(), p.a.states() + " " + p.b.states());
        assertEquals(pairBefore, TwoPeers.selectedTypes(p.a) + p.a.agent.selectedPair().orElseThrow().remote());
        assertFalse(p.a.states().contains(IceConnectionState.FAILED));
        assertTrue(p.exchangeData());
    }

    @Test
    void silenceLosesConsentAfterThirtySecondsAndStopsSending() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.FULL_CONE, NatType.FULL_CONE)).start();
        assertTrue(p.runUntilConnected(10));
        long cut = p.net.now();
        p.net.setDropRule((t, addrs) -> t >= cut);
        p.net.runUntil(cut + 60 * S, () -> p.a.agent.connectionState() == IceConnectionState.FAILED);
        long failedAfter = p.net.now() - cut;
        assertTrue(failedAfter >= 27 * S && failedAfter <= 31 * S, "consent lost after " + failedAfter / 1e9 + " s");
        assertTrue(p.a.states().contains(IceConnectionState.DISCONNECTED), p.a.states().toString());
        assertFalse(p.a.agent.send(p.net.now(), new byte[] {1}, 0, 1), "no sending without consent");
        assertTrue(p.a.agent.failureExplanation().orElseThrow().contains("consent"));
    }

    @Test
    void flappingPathChangesStateFewerThanTenTimesPerMinute() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.FULL_CONE, NatType.FULL_CONE)).start();
        assertTrue(p.runUntilConnected(10));
        long start = p.net.now();
        // The path is up 6 s, down 6 s, for five minutes.
        p.net.setDropRule((t, addrs) -> t >= start && ((t - start) / (6 * S)) % 2 == 1);
        p.net.runFor(300_000);
        for (long m = 0; m < 5; m++) {
            long from = start + m * 60 * S;
            long changes = p.a.stateChangesBetween(from, from + 60 * S);
            assertTrue(changes < 10, "minute " + m + ": " + changes + " changes " + p.a.states());
        }
        assertFalse(p.a.states().contains(IceConnectionState.FAILED));
        assertTrue(p.a.states().contains(IceConnectionState.DISCONNECTED), "the first outage is still reported");
    }
}
