package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.ice.sim.IcePeer;
import dev.jrtc.ice.sim.SimNetwork;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two agents with two host candidates each (RFC 8445 sections 8.1.1, 7.3.1.5 and 12): the controlled
 * agent selects the pair the controlling agent nominated, both end on the same pair, and each sends
 * application data from the selected pair's local address to its remote address. When the best path
 * is down for the first seconds, the controlling agent nominates a lower pair before the best one
 * succeeds; with regular nomination it nominates nothing else, so the controlled agent must stay on the
 * nominated pair rather than move to the best valid one.
 */
class MultihomedSelectedPairTest {
    private static final long S = 1_000_000_000L;
    private static final List<String> A_IPS = List.of("192.0.2.10", "192.0.2.11");
    private static final List<String> B_IPS = List.of("192.0.2.20", "192.0.2.21");

    @ParameterizedTest(name = "{0} nomination, best path down for the first {1} ms")
    @CsvSource({"REGULAR,0", "REGULAR,1500", "AGGRESSIVE,0", "AGGRESSIVE,1500"})
    void bothAgentsSelectTheNominatedPairAndSendOnIt(NominationMode mode, long bestPathDownMillis) {
        SimNetwork net = new SimNetwork(1);
        IcePeer a = peer("controlling", IceRole.CONTROLLING, mode, 1);
        IcePeer b = peer("controlled", IceRole.CONTROLLED, mode, 2);
        net.addMultihomed(A_IPS, SimNetwork.Sockets.BOUND, a.agent, a::onEvent);
        net.addMultihomed(B_IPS, SimNetwork.Sockets.BOUND, b.agent, b::onEvent);
        A_IPS.forEach(ip -> a.agent.addHostAddress(new InetSocketAddress(SimNetwork.ip(ip), 5000)));
        B_IPS.forEach(ip -> b.agent.addHostAddress(new InetSocketAddress(SimNetwork.ip(ip), 6000)));
        // The first address of each has the highest local preference: a0-b0 is the best pair.
        InetSocketAddress a0 = new InetSocketAddress(SimNetwork.ip(A_IPS.get(0)), 5000);
        InetSocketAddress b0 = new InetSocketAddress(SimNetwork.ip(B_IPS.get(0)), 6000);
        long downUntil = net.now() + bestPathDownMillis * 1_000_000L;
        net.setDropRule((t, p) -> t < downUntil
                && (p[0].equals(a0) && p[1].equals(b0) || p[0].equals(b0) && p[1].equals(a0)));
        exchangeEverything(net, a, b);
        net.runUntil(net.now() + 10 * S, () -> a.agent.connectionState() == IceConnectionState.COMPLETED
                && b.agent.connectionState() == IceConnectionState.COMPLETED);
        net.runFor(10_000); // retransmitted checks on the best path have succeeded by now

        PairStatistics best = b.agent.pairStatistics().get(0);
        assertEquals(a0, address(best.remote()), () -> describe(a, b));
        assertEquals(PairState.SUCCEEDED, best.state(), () -> describe(a, b));

        PairStatistics ours = a.agent.selectedPair().orElseThrow(() -> new AssertionError(describe(a, b)));
        PairStatistics theirs = b.agent.selectedPair().orElseThrow(() -> new AssertionError(describe(a, b)));
        assertTrue(ours.nominated() && theirs.nominated(), () -> describe(a, b));
        assertEquals(address(ours.local()), address(theirs.remote()), () -> describe(a, b));
        assertEquals(address(ours.remote()), address(theirs.local()), () -> describe(a, b));
        // pairStatistics() lists the pairs in priority order: the first nominated one is the best.
        PairStatistics bestNominatedAtB = b.agent.pairStatistics().stream()
                .filter(p -> p.nominated() && p.state() == PairState.SUCCEEDED).findFirst().orElseThrow();
        assertEquals(address(bestNominatedAtB.remote()), address(theirs.remote()), () -> describe(a, b));

        byte[] payload = {(byte) 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 42};
        int beforeA = a.received.size();
        int beforeB = b.received.size();
        net.call(a.agent, now -> assertTrue(a.agent.send(now, payload, 0, payload.length)));
        net.call(b.agent, now -> assertTrue(b.agent.send(now, payload, 0, payload.length)));
        net.runFor(100);
        IceEvent.DataReceived atB = lastData(b, beforeB);
        IceEvent.DataReceived atA = lastData(a, beforeA);
        assertEquals(address(ours.local()), atB.remote(), "a sends from its selected local address");
        assertEquals(address(ours.remote()), atB.local(), "a sends to its selected remote address");
        assertEquals(address(theirs.local()), atA.remote(), "b sends from its selected local address");
        assertEquals(address(theirs.remote()), atA.local(), "b sends to its selected remote address");
    }

    private static IcePeer peer(String name, IceRole role, NominationMode mode, long seed) {
        return new IcePeer(name, new IceAgent(IceConfig.builder().role(role).nomination(mode)
                .regularNominationWait(Duration.ofMillis(100)).build(), RandomSource.seeded(seed)));
    }

    /** Non-trickle exchange of credentials and every candidate, as an offer/answer would carry them. */
    private static void exchangeEverything(SimNetwork net, IcePeer a, IcePeer b) {
        net.call(a.agent, now -> a.agent.startGathering(now));
        net.call(b.agent, now -> b.agent.startGathering(now));
        net.runFor(10);
        for (IcePeer[] p : new IcePeer[][] {{a, b}, {b, a}}) {
            IcePeer to = p[0];
            IcePeer from = p[1];
            net.call(to.agent, now -> to.agent.setRemoteCredentials(now, from.agent.localCredentials()));
            for (Candidate c : from.agent.localCandidates()) {
                net.call(to.agent, now -> to.agent.addRemoteCandidate(now, c));
            }
            net.call(to.agent, now -> to.agent.endOfRemoteCandidates(now));
        }
    }

    private static IceEvent.DataReceived lastData(IcePeer p, int before) {
        assertTrue(p.received.size() > before, p.name + " received nothing");
        IceEvent.DataReceived last = null;
        for (IcePeer.Timed t : p.events) {
            if (t.event() instanceof IceEvent.DataReceived d) {
                last = d;
            }
        }
        return last;
    }

    private static InetSocketAddress address(Candidate c) {
        return c.socketAddress().orElseThrow();
    }

    private static String describe(IcePeer a, IcePeer b) {
        return "a: " + a.agent.pairStatistics() + "\nb: " + b.agent.pairStatistics();
    }
}
