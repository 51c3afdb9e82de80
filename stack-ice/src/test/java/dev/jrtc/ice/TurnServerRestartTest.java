package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.sim.IcePeer;
import dev.jrtc.ice.sim.TwoPeers;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The TURN server restarts under a relayed call (virtual time). The silent relayed path makes the
 * agent ask the server at once; it meets 438 and 437, allocates again and trickles the new relayed
 * candidate within seconds, long before the next scheduled refresh. An ICE restart then carries the
 * call over the new allocation.
 */
class TurnServerRestartTest {
    private static final long S = 1_000_000_000L;

    private static List<Candidate> relayCandidatesSignalled(IcePeer p) {
        return p.events.stream().filter(t -> t.event() instanceof IceEvent.LocalCandidate)
                .map(t -> ((IceEvent.LocalCandidate) t.event()).candidate())
                .filter(c -> c.type() == CandidateType.RELAYED).collect(Collectors.toList());
    }

    @Test
    void lostAllocationIsReplacedWithinSecondsAndAnIceRestartRecovers() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null).withTurn().configureA(c -> c.relayOnly(true))).start();
        assertTrue(p.runUntilConnected(10));
        p.net.runFor(20_000); // settled: no TURN request is in flight, the next one is minutes away
        int oldPort = p.a.agent.selectedPair().orElseThrow().local().port();
        long restartAt = p.net.now();
        p.turn.restart();

        p.net.runUntil(restartAt + 60 * S, () -> relayCandidatesSignalled(p.a).size() == 2);
        List<Candidate> relays = relayCandidatesSignalled(p.a);
        assertEquals(2, relays.size(), "a new relayed candidate was trickled: " + relays);
        long noticedAfter = p.net.now() - restartAt;
        assertTrue(noticedAfter < 15 * S, "noticed after " + noticedAfter / 1e9 + " s");
        System.out.printf("new relayed candidate %.1f s after the TURN server restarted%n", noticedAfter / 1e9);
        int newPort = relays.get(1).port();
        assertTrue(newPort != oldPort, relays.toString());
        ServerResult r = p.a.agent.serverResults().stream().filter(s -> s.server().url().isTurn()).findFirst().orElseThrow();
        assertInstanceOf(ServerResult.Reachable.class, r);

        // The application restarts ICE (as it would on "disconnected"); the new allocation carries the call.
        p.net.call(p.a.agent, now -> p.a.agent.restart(now));
        p.net.call(p.b.agent, now -> p.b.agent.setRemoteCredentials(now, p.a.agent.localCredentials()));
        p.net.call(p.a.agent, now -> p.a.agent.setRemoteCredentials(now, p.b.agent.localCredentials()));
        for (Candidate c : p.a.agent.localCandidates()) {
            p.net.call(p.b.agent, now -> p.b.agent.addRemoteCandidate(now, c));
        }
        for (Candidate c : p.b.agent.localCandidates()) {
            p.net.call(p.a.agent, now -> p.a.agent.addRemoteCandidate(now, c));
        }
        p.net.runFor(5000);
        assertTrue(p.a.isConnected() && p.b.isConnected(), p.a.states() + " " + p.b.states());
        assertEquals(newPort, p.a.agent.selectedPair().orElseThrow().local().port());
        assertTrue(p.exchangeData());
    }
}
