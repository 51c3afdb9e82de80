package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.sim.NatType;
import dev.jrtc.ice.sim.SimNetwork;
import dev.jrtc.ice.sim.TwoPeers;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Per-server results, W3C candidate errors, and the failure paragraph. */
class DiagnosticsTest {
    @Test
    void wrongTurnPasswordIsReportedAs401AndExplainsTheFailure() throws Exception {
        IceServer badTurn = new IceServer(IceServerUrl.parse("turn:" + TwoPeers.TURN_IP + ":3478"),
                new InetSocketAddress(SimNetwork.ip(TwoPeers.TURN_IP), 3478), "user", "wrong");
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.SYMMETRIC, NatType.SYMMETRIC)
                .configureA(c -> c.server(badTurn))).start();
        p.net.runUntil(60_000_000_000L, () -> p.a.agent.connectionState() == IceConnectionState.FAILED);
        ServerResult r = p.a.agent.serverResults().stream().filter(s -> s.server().equals(badTurn)).findFirst().orElseThrow();
        assertInstanceOf(ServerResult.AuthFailed.class, r);
        assertEquals(401, r.errorCode());
        assertTrue(p.a.events.stream().anyMatch(e -> e.event() instanceof IceEvent.CandidateError ce && ce.errorCode() == 401));
        String why = p.a.agent.failureExplanation().orElseThrow();
        assertTrue(why.contains("TURN turn:" + TwoPeers.TURN_IP + ":3478 refused our credentials (401"), why);
    }

    @Test
    void unreachableServerIs701() throws Exception {
        IceServer nowhere = IceServer.stun("stun:198.51.100.99:3478");
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null).withoutStun().configureA(c -> c.server(nowhere))).start();
        p.net.runUntil(30_000_000_000L, () -> p.a.agent.gatheringState() == IceGatheringState.COMPLETE);
        ServerResult r = p.a.agent.serverResults().get(0);
        assertInstanceOf(ServerResult.TimedOut.class, r);
        assertEquals(701, r.errorCode());
        assertTrue(p.a.events.stream().anyMatch(e -> e.event() instanceof IceEvent.CandidateError ce
                && ce.errorCode() == 701 && ce.url().equals("stun:198.51.100.99:3478")));
        assertTrue(p.a.isConnected(), "a dead STUN server does not stop a direct connection");
    }

    @Test
    void privateOnlyCandidatesWithoutRelayAreExplained() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.SYMMETRIC, NatType.SYMMETRIC).withoutStun()).start();
        p.net.runUntil(60_000_000_000L, () -> p.a.agent.connectionState() == IceConnectionState.FAILED);
        String why = p.a.agent.failureExplanation().orElseThrow();
        assertTrue(why.contains("No check got a response from any remote candidate: the remote side offered only "
                + "private addresses 10.x and we had no relay"), why);
    }

    @Test
    void loopbackRemoteCandidatesAreIgnoredUnlessEnabled() throws Exception {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null).withoutStun());
        Candidate loop = Candidate.parse("candidate:1 1 udp 2130706431 127.0.0.1 9999 typ host");
        p.net.call(p.a.agent, now -> p.a.agent.setRemoteCredentials(now, p.b.agent.localCredentials()));
        p.net.call(p.a.agent, now -> p.a.agent.startGathering(now));
        p.net.call(p.a.agent, now -> p.a.agent.addRemoteCandidate(now, loop));
        p.net.call(p.a.agent, now -> p.a.agent.endOfRemoteCandidates(now));
        p.net.runFor(1000);
        assertEquals(0, p.a.agent.pairStatistics().size());
        // Failure waits out the 5 s grace period after end-of-candidates: a check from the peer could still come.
        assertEquals(IceConnectionState.NEW, p.a.agent.connectionState());
        p.net.runFor(4100);
        assertEquals(IceConnectionState.FAILED, p.a.agent.connectionState());
        assertTrue(p.a.agent.failureExplanation().orElseThrow().contains("127.0.0.1:9999"));
    }

    @Test
    void pairStatisticsCountRequestsResponsesAndRtt() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null).withDelay(25)).start();
        assertTrue(p.runUntilConnected(10));
        p.net.runFor(10_000);
        PairStatistics s = p.a.agent.selectedPair().orElseThrow();
        assertTrue(s.requestsSent() >= 3 && s.responsesReceived() >= 3 && s.requestsReceived() >= 1, s.toString());
        assertEquals(50_000_000L, s.lastRttNanos());
    }
}
