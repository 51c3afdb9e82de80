package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.sim.TwoPeers;
import org.junit.jupiter.api.Test;

/** W3C iceTransportPolicy "relay": only relayed candidates are signalled and used, even on an open network. */
class RelayOnlyPolicyTest {
    @Test
    void relayOnlyUsesTheRelayEvenWhenHostsCouldTalk() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null).withTurn().configureA(c -> c.relayOnly(true))).start();
        assertTrue(p.runUntilConnected(10), p.a.states() + " " + p.b.states());
        assertTrue(p.a.agent.localCandidates().stream().allMatch(c -> c.type() == CandidateType.RELAYED));
        assertEquals(CandidateType.RELAYED, p.a.agent.selectedPair().orElseThrow().local().type());
        assertTrue(p.exchangeData());
    }
}
