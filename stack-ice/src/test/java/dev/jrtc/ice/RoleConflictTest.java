package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.sim.TwoPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both agents claiming the same role settle it with tie-breakers (RFC 8445 section 7.3.1.1) and connect. */
class RoleConflictTest {
    @ParameterizedTest
    @EnumSource(IceRole.class)
    void sameRoleOnBothSidesIsResolved(IceRole both) {
        for (long seed = 1; seed <= 5; seed++) {
            TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null).withSeed(seed)
                    .configureA(c -> c.role(both)).configureB(c -> c.role(both))).start();
            assertTrue(p.runUntilConnected(10), p.a.states() + " " + p.b.states());
            assertNotEquals(p.a.agent.role(), p.b.agent.role());
            assertTrue(p.a.events.stream().anyMatch(e -> e.event() instanceof IceEvent.RoleChanged)
                    || p.b.events.stream().anyMatch(e -> e.event() instanceof IceEvent.RoleChanged));
            assertTrue(p.exchangeData());
        }
    }

    @Test
    void aggressiveNominationConnects() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null).configureA(c -> c.nomination(NominationMode.AGGRESSIVE))).start();
        assertTrue(p.runUntilConnected(10));
        assertTrue(p.exchangeData());
    }

    @Test
    void liteAgentConnectsToFullAgent() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null).withoutStun().configureB(c -> c.lite(true))).start();
        assertTrue(p.runUntilConnected(10), p.a.states() + " " + p.b.states());
        assertTrue(p.exchangeData());
    }
}
