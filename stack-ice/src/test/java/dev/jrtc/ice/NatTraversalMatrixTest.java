package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.sim.NatType;
import dev.jrtc.ice.sim.TwoPeers;
import org.junit.jupiter.api.Test;

/** Which NAT combinations connect, and through which candidate types. */
class NatTraversalMatrixTest {
    @Test
    void publicHostsConnectHostToHost() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null)).start();
        assertTrue(p.runUntilConnected(10), () -> p.a.states() + " " + p.b.states());
        assertEquals("host->host", TwoPeers.selectedTypes(p.a));
        assertTrue(p.exchangeData());
    }

    @Test
    void fullConeToFullConeConnectsViaServerReflexive() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.FULL_CONE, NatType.FULL_CONE)).start();
        assertTrue(p.runUntilConnected(10), () -> p.a.states() + " " + p.b.states() + p.a.agent.pairStatistics());
        assertFalse(TwoPeers.usesRelay(p.a));
        assertTrue(p.exchangeData());
    }

    @Test
    void portRestrictedToPortRestrictedConnectsViaServerReflexive() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.PORT_RESTRICTED, NatType.PORT_RESTRICTED)).start();
        assertTrue(p.runUntilConnected(10), () -> p.a.states() + " " + p.b.states() + p.a.agent.pairStatistics());
        assertFalse(TwoPeers.usesRelay(p.a));
        assertTrue(p.exchangeData());
    }

    @Test
    void symmetricToFullConeConnectsWithoutRelay() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.SYMMETRIC, NatType.FULL_CONE)).start();
        assertTrue(p.runUntilConnected(10), () -> p.a.states() + " " + p.b.states() + p.a.agent.pairStatistics());
        assertFalse(TwoPeers.usesRelay(p.a));
        assertTrue(p.exchangeData());
    }
}
