package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.ice.sim.IcePeer;
import dev.jrtc.ice.sim.SimNetwork;
import dev.jrtc.ice.sim.WildcardSockets;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The werift case, in virtual time: the peer's sockets are bound to the wildcard address, so our
 * check to its 10.99.0.1 candidate is answered from 127.0.0.1. That response is not symmetric and
 * fails the pair (RFC 8445 section 7.2.5.2.1), but the agent must not go "failed" for it: the peer
 * has not even received our answer yet, and once it has, its own check from 127.0.0.1 gives a
 * peer-reflexive pair whose triggered check succeeds. We are the answerer (controlled), the peer
 * signalled all its candidates and end-of-candidates in its offer, and gets our answer late.
 */
class NonSymmetricResponseTest {
    private static final long MS = 1_000_000L;
    private static final long ANSWER_DELAY_MS = 300;
    private static final InetSocketAddress OURS = address("127.0.0.2", 5000);
    private static final InetSocketAddress THEIR_LAN = address("10.99.0.1", 7000);
    private static final InetSocketAddress THEIR_LOOPBACK = address("127.0.0.1", 7001);

    /** Our agent and the wildcard-bound peer on one simulated host. */
    private static final class Scenario {
        final SimNetwork net = new SimNetwork(1);
        final IcePeer us = new IcePeer("jrtc", new IceAgent(IceConfig.builder().role(IceRole.CONTROLLED)
                .allowLoopbackRemote(true).build(), RandomSource.seeded(7)));
        final IcePeer peer = new IcePeer("wildcard peer", new IceAgent(IceConfig.builder().role(IceRole.CONTROLLING)
                .allowLoopbackRemote(true).build(), RandomSource.seeded(8)));
        /** When set, everything the peer sends leaves from this address. */
        InetSocketAddress misroutedFrom;

        Scenario(List<InetSocketAddress> peerHosts) {
            net.add("127.0.0.2", null, us.agent, us::onEvent);
            WildcardSockets wildcard = new WildcardSockets(peerHosts);
            net.addMultihomed(List.of("10.99.0.1", "127.0.0.1"), new SimNetwork.Sockets() {
                @Override
                public InetSocketAddress source(InetSocketAddress socket, InetSocketAddress destination) {
                    return misroutedFrom != null ? misroutedFrom : wildcard.source(socket, destination);
                }

                @Override
                public InetSocketAddress socketFor(InetSocketAddress destination) {
                    return wildcard.socketFor(destination);
                }
            }, peer.agent, peer::onEvent);
            us.agent.addHostAddress(OURS);
            peerHosts.forEach(peer.agent::addHostAddress);
        }

        /** The peer's offer (every candidate, then end-of-candidates) reaches us; our answer reaches it later, if at all. */
        Scenario offerAnswer(boolean answerArrives) {
            net.call(peer.agent, now -> peer.agent.startGathering(now));
            net.call(us.agent, now -> us.agent.setRemoteCredentials(now, peer.agent.localCredentials()));
            for (Candidate c : peer.agent.localCandidates()) {
                net.call(us.agent, now -> us.agent.addRemoteCandidate(now, c));
            }
            net.call(us.agent, now -> us.agent.endOfRemoteCandidates(now));
            net.call(us.agent, now -> us.agent.startGathering(now));
            net.runFor(ANSWER_DELAY_MS);
            if (answerArrives) {
                net.call(peer.agent, now -> peer.agent.setRemoteCredentials(now, us.agent.localCredentials()));
                for (Candidate c : us.agent.localCandidates()) {
                    net.call(peer.agent, now -> peer.agent.addRemoteCandidate(now, c));
                }
                net.call(peer.agent, now -> peer.agent.endOfRemoteCandidates(now));
            }
            return this;
        }

        PairStatistics pairTo(InetSocketAddress remote) {
            return us.agent.pairStatistics().stream()
                    .filter(p -> p.remote().socketAddress().orElseThrow().equals(remote)).findFirst().orElseThrow();
        }

        String describe() {
            return us.states() + "\n" + us.agent.pairStatistics();
        }
    }

    @Test
    void answerFromAnotherAddressFailsOnlyThatPairAndTheSecondCandidateConnects() {
        Scenario s = new Scenario(List.of(THEIR_LAN, THEIR_LOOPBACK)).offerAnswer(true);
        s.net.runUntil(s.net.now() + 10_000 * MS, () -> s.us.agent.connectionState() == IceConnectionState.COMPLETED);

        assertConnectedWithoutFailing(s);
        assertMisansweredPairFailed(s);
        InetSocketAddress selected = s.us.agent.selectedPair().orElseThrow().remote().socketAddress().orElseThrow();
        assertEquals("127.0.0.1", selected.getAddress().getHostAddress(), s::describe);
        assertDataFlowsBothWays(s);
    }

    @Test
    void withOnlyTheMisansweredCandidateThePeersCheckStillConnectsWithoutPassingThroughFailed() {
        Scenario s = new Scenario(List.of(THEIR_LAN)).offerAnswer(false);
        // Our only pair has failed long before the peer has our answer: that alone is not failure.
        assertMisansweredPairFailed(s);
        assertEquals(IceConnectionState.CHECKING, s.us.agent.connectionState(), s::describe);

        s.net.call(s.peer.agent, now -> s.peer.agent.setRemoteCredentials(now, s.us.agent.localCredentials()));
        for (Candidate c : s.us.agent.localCandidates()) {
            s.net.call(s.peer.agent, now -> s.peer.agent.addRemoteCandidate(now, c));
        }
        s.net.call(s.peer.agent, now -> s.peer.agent.endOfRemoteCandidates(now));
        s.net.runUntil(s.net.now() + 10_000 * MS, () -> s.us.agent.connectionState() == IceConnectionState.COMPLETED);

        assertConnectedWithoutFailing(s);
        PairStatistics selected = s.us.agent.selectedPair().orElseThrow();
        assertEquals(CandidateType.PEER_REFLEXIVE, selected.remote().type(), s::describe);
        assertEquals(address("127.0.0.1", THEIR_LAN.getPort()), selected.remote().socketAddress().orElseThrow());
        assertEquals(PairState.SUCCEEDED, selected.state());
        assertDataFlowsBothWays(s);
    }

    @Test
    void consentResponsesFromAnotherAddressAreNotConsentAndLeaveTheSelectedPairAlone() {
        Scenario s = new Scenario(List.of(THEIR_LAN, THEIR_LOOPBACK)).offerAnswer(true);
        s.net.runUntil(s.net.now() + 10_000 * MS, () -> s.us.agent.connectionState() == IceConnectionState.COMPLETED);
        PairStatistics before = s.us.agent.selectedPair().orElseThrow();
        long sentBefore = before.requestsSent();

        s.misroutedFrom = address("127.0.0.1", 7002);
        s.net.runFor(12_000); // two or three consent checks, every answer from the wrong address

        PairStatistics after = s.us.agent.selectedPair().orElseThrow();
        assertEquals(before.remote(), after.remote(), s::describe);
        assertTrue(after.requestsSent() >= sentBefore + 2, after::toString);
        assertEquals(before.responsesReceived(), after.responsesReceived(), "a misrouted answer is no consent");
        assertEquals(PairState.SUCCEEDED, after.state(), "a consent check never fails the pair: " + after);
    }

    @Test
    void whenThePeerNeverChecksTheAgentFailsOnceTheGracePeriodEnds() {
        Scenario s = new Scenario(List.of(THEIR_LAN)).offerAnswer(false);
        s.net.runUntil(s.net.now() + 60_000 * MS, () -> s.us.agent.connectionState() == IceConnectionState.FAILED);

        assertEquals(List.of(IceConnectionState.CHECKING, IceConnectionState.FAILED), s.us.states(), s::describe);
        long failedAt = s.us.firstTime(IceConnectionState.FAILED);
        long grace = IceConfig.builder().build().failAfterEndOfCandidates().toNanos();
        // The pair failed within a few milliseconds of the offer; failure comes one grace period later.
        assertTrue(failedAt >= grace && failedAt <= grace + 100 * MS, "failed after " + failedAt / 1e6 + " ms");
        assertTrue(s.us.agent.failureExplanation().isPresent());
    }

    /** Checking, then (perhaps through connected) completed: never failed on the way. */
    private static void assertConnectedWithoutFailing(Scenario s) {
        List<IceConnectionState> states = s.us.states();
        assertEquals(IceConnectionState.CHECKING, states.get(0), s::describe);
        assertFalse(states.contains(IceConnectionState.FAILED), s::describe);
        assertEquals(IceConnectionState.COMPLETED, states.get(states.size() - 1), s::describe);
        assertEquals(IceConnectionState.COMPLETED, s.us.agent.connectionState());
    }

    private static void assertMisansweredPairFailed(Scenario s) {
        PairStatistics lan = s.pairTo(THEIR_LAN);
        assertEquals(PairState.FAILED, lan.state(), s::describe);
        assertEquals("response from 127.0.0.1:7000 instead of 10.99.0.1:7000", lan.lastError());
        assertTrue(lan.responsesReceived() == 0 && lan.requestsSent() >= 1, lan::toString);
    }

    private static void assertDataFlowsBothWays(Scenario s) {
        s.net.runUntil(s.net.now() + 1000 * MS, s.peer::isConnected);
        byte[] payload = {(byte) 0x80, 1, 2, 3};
        assertTrue(s.us.agent.send(s.net.now(), payload, 0, payload.length));
        assertTrue(s.peer.agent.send(s.net.now(), payload, 0, payload.length), () -> "the peer " + s.peer.states());
        s.net.call(s.us.agent, now -> { });
        s.net.call(s.peer.agent, now -> { });
        s.net.runFor(50);
        assertFalse(s.us.received.isEmpty(), "the peer's data reached us");
        assertFalse(s.peer.received.isEmpty(), "our data reached the peer");
        assertArrayEquals(payload, s.peer.received.get(s.peer.received.size() - 1));
        assertArrayEquals(payload, s.us.received.get(s.us.received.size() - 1));
    }

    private static InetSocketAddress address(String ip, int port) {
        return new InetSocketAddress(SimNetwork.ip(ip), port);
    }
}
