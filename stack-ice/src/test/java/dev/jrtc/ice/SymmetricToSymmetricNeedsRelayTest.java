package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.sim.NatType;
import dev.jrtc.ice.sim.TwoPeers;
import org.junit.jupiter.api.Test;

/** Two symmetric NATs defeat server-reflexive candidates; a TURN relay gets through. */
class SymmetricToSymmetricNeedsRelayTest {
    @Test
    void withoutRelayItFailsAndSaysWhy() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.SYMMETRIC, NatType.SYMMETRIC)).start();
        p.net.runUntil(60_000_000_000L, () -> p.a.agent.connectionState() == IceConnectionState.FAILED);
        assertEquals(IceConnectionState.FAILED, p.a.agent.connectionState(), () -> p.a.states().toString());
        String why = p.a.agent.failureExplanation().orElseThrow();
        assertTrue(why.contains("No check got a response") || why.contains("none of ours got an answer"), why);
        assertTrue(why.contains("relay"), why);
    }

    @Test
    void withRelayItConnectsThroughTheRelay() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.SYMMETRIC, NatType.SYMMETRIC).withTurn()).start();
        assertTrue(p.runUntilConnected(20), () -> p.a.states() + " " + p.b.states() + "\n" + p.a.agent.pairStatistics()
                + "\n" + p.b.agent.pairStatistics() + "\n" + p.a.agent.serverResults());
        assertTrue(TwoPeers.usesRelay(p.a) || TwoPeers.usesRelay(p.b));
        assertTrue(p.exchangeData());
        p.net.call(p.a.agent, now -> p.a.agent.close(now));
        p.net.call(p.b.agent, now -> p.b.agent.close(now));
        p.net.runFor(1000);
        assertEquals(0, p.turn.activeAllocations(), "allocations are released on close");
    }
}
