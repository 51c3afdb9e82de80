package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.sim.NatType;
import dev.jrtc.ice.sim.SimNetwork;
import dev.jrtc.ice.sim.TwoPeers;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A STUN and a TURN server at one address (coturn answers both on 3478, and that is how most
 * deployments configure it): the STUN Binding response must reach the STUN probe rather than the
 * TURN client, so gathering completes as soon as both answered instead of after the probe times out.
 * Found by the real-NAT interop test.
 */
class StunAndTurnOnOneServerTest {
    @Test
    void gatheringCompletesWhenBothServersAnswered() throws Exception {
        IceServer stun = IceServer.stun("stun:" + TwoPeers.TURN_IP + ":3478");
        IceServer turn = new IceServer(dev.jrtc.ice.IceServerUrl.parse("turn:" + TwoPeers.TURN_IP + ":3478"),
                new InetSocketAddress(SimNetwork.ip(TwoPeers.TURN_IP), 3478), "user", "pass");
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.PORT_RESTRICTED, NatType.PORT_RESTRICTED)
                .configureA(c -> c.servers(List.of(stun, turn)))).start();
        p.net.runUntil(p.net.now() + 2_000_000_000L,
                () -> p.a.agent.gatheringState() == IceGatheringState.COMPLETE);
        assertEquals(IceGatheringState.COMPLETE, p.a.agent.gatheringState(), () -> p.a.agent.serverResults().toString());
        assertInstanceOf(ServerResult.Reachable.class, p.a.agent.serverResults().get(0), "the STUN probe got its answer");
        assertInstanceOf(ServerResult.Reachable.class, p.a.agent.serverResults().get(1), "the TURN allocation too");
        assertTrue(p.a.agent.localCandidates().stream().anyMatch(c -> c.type() == CandidateType.RELAYED));
        assertTrue(p.a.agent.localCandidates().stream().anyMatch(c -> c.type() == CandidateType.SERVER_REFLEXIVE));
    }
}
