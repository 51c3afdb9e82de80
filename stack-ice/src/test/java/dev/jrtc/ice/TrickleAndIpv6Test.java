package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.ice.sim.IcePeerHarness;
import dev.jrtc.ice.sim.NatType;
import dev.jrtc.ice.sim.SimNetwork;
import dev.jrtc.ice.sim.TwoPeers;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Non-trickle exchange, and IPv6 host candidates. */
class TrickleAndIpv6Test {
    @Test
    void nonTrickleExchangeAfterGatheringConnects() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.FULL_CONE, NatType.PORT_RESTRICTED));
        p.a.signalOff();
        p.b.signalOff();
        p.net.call(p.a.agent, now -> p.a.agent.startGathering(now));
        p.net.call(p.b.agent, now -> p.b.agent.startGathering(now));
        p.net.runUntil(5_000_000_000L, () -> p.a.agent.gatheringState() == IceGatheringState.COMPLETE
                && p.b.agent.gatheringState() == IceGatheringState.COMPLETE);
        IcePeerHarness.offerAnswer(p.net, p.a, p.b);
        assertTrue(p.runUntilConnected(10));
        assertTrue(p.exchangeData());
    }

    @Test
    void ipv6HostsConnect() {
        SimNetwork net = new SimNetwork(5);
        InetSocketAddress a6 = new InetSocketAddress(SimNetwork.ip("2001:db8::a"), 5000);
        InetSocketAddress b6 = new InetSocketAddress(SimNetwork.ip("2001:db8::b"), 6000);
        IceAgent a = new IceAgent(IceConfig.builder().role(IceRole.CONTROLLING).build(), RandomSource.seeded(1));
        IceAgent b = new IceAgent(IceConfig.builder().role(IceRole.CONTROLLED).build(), RandomSource.seeded(2));
        net.add("2001:db8::a", null, a, (t, e) -> { });
        net.add("2001:db8::b", null, b, (t, e) -> { });
        a.addHostAddress(a6);
        b.addHostAddress(b6);
        net.call(a, now -> a.startGathering(now));
        net.call(b, now -> b.startGathering(now));
        net.call(a, now -> a.setRemoteCredentials(now, b.localCredentials()));
        net.call(b, now -> b.setRemoteCredentials(now, a.localCredentials()));
        net.call(a, now -> a.addRemoteCandidate(now, b.localCandidates().get(0)));
        net.call(b, now -> b.addRemoteCandidate(now, a.localCandidates().get(0)));
        net.runUntil(10_000_000_000L, () -> a.connectionState() == IceConnectionState.CONNECTED
                && b.connectionState() == IceConnectionState.CONNECTED);
        assertEquals(IceConnectionState.CONNECTED, a.connectionState());
        assertTrue(b.isValidatedRemote(a6));
    }
}
