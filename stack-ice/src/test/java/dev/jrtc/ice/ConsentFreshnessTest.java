package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.sim.IcePeer;
import dev.jrtc.ice.sim.NatType;
import dev.jrtc.ice.sim.TwoPeers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RFC 7675 in virtual time: consent checks every 4..6 s, blackouts recover, lasting silence loses
 * consent 30 s after the last response.
 */
class ConsentFreshnessTest {
    private static final long S = 1_000_000_000L;

    @Test
    void fiveSecondBlackoutRecoversWithoutRestart() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.FULL_CONE, NatType.PORT_RESTRICTED)).start();
        assertTrue(p.runUntilConnected(10));
        p.net.runFor(20_000);
        long start = p.net.now();
        p.net.setDropRule((t, addrs) -> t >= start && t < start + 5 * S);
        String pairBefore = TwoPeers.selectedTypes(p.a) + p.a.agent.selectedPair().orElseThrow().remote();
        p.net.runFor(15_000);
        assertTrue(p.a.isConnected() && p.b.isConnected(), p.a.states() + " " + p.b.states());
        assertEquals(pairBefore, TwoPeers.selectedTypes(p.a) + p.a.agent.selectedPair().orElseThrow().remote());
        assertFalse(p.a.states().contains(IceConnectionState.FAILED));
        assertTrue(p.exchangeData());
    }

    @Test
    void silenceLosesConsentThirtySecondsAfterTheLastResponseAndStopsSending() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.FULL_CONE, NatType.FULL_CONE)).start();
        assertTrue(p.runUntilConnected(10));
        p.net.runFor(20_000);
        // Cut the path right after a's consent check got its answer, so the 30 s start now.
        long answered = p.a.agent.selectedPair().orElseThrow().responsesReceived();
        p.net.runUntil(p.net.now() + 10 * S, () -> p.a.agent.selectedPair().orElseThrow().responsesReceived() > answered);
        long cut = p.net.now();
        p.net.setDropRule((t, addrs) -> t >= cut);
        p.net.runUntil(cut + 60 * S, () -> p.a.agent.connectionState() == IceConnectionState.FAILED);
        long failedAfter = p.net.now() - cut;
        assertTrue(failedAfter >= 30 * S && failedAfter <= 30 * S + S / 10,
                "consent lost after " + failedAfter / 1e9 + " s");
        assertTrue(p.a.states().contains(IceConnectionState.DISCONNECTED), p.a.states().toString());
        assertFalse(p.a.agent.send(p.net.now(), new byte[] {1}, 0, 1), "no sending without consent");
        assertTrue(p.a.agent.failureExplanation().orElseThrow().contains("consent"));
    }

    /** Records when {@code peer}'s selected pair sent a request (consent checks once connected). */
    private static List<Long> consentSendTimes(TwoPeers p, IcePeer peer, long seconds) {
        List<Long> times = new ArrayList<>();
        long[] last = {peer.agent.selectedPair().orElseThrow().requestsSent()};
        p.net.runUntil(p.net.now() + seconds * S, () -> {
            long sent = peer.agent.selectedPair().orElseThrow().requestsSent();
            if (sent != last[0]) {
                last[0] = sent;
                times.add(p.net.now());
            }
            return false;
        });
        return times;
    }

    @Test
    void consentChecksGoOutAtRandomIntervalsOfFourToSixSeconds() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.FULL_CONE, NatType.FULL_CONE)).start();
        assertTrue(p.runUntilConnected(10));
        p.net.runFor(10_000);
        List<Long> times = consentSendTimes(p, p.a, 300);
        Set<Long> distinct = new HashSet<>();
        for (int i = 1; i < times.size(); i++) {
            long gap = times.get(i) - times.get(i - 1);
            assertTrue(gap >= 4 * S && gap <= 6 * S, "gap " + gap / 1e9 + " s");
            distinct.add(gap / 1_000_000);
        }
        assertTrue(times.size() >= 50 && times.size() <= 75, times.size() + " checks in 300 s");
        assertTrue(distinct.size() > times.size() / 2, "the intervals are randomised: " + distinct);
        assertFalse(p.a.states().contains(IceConnectionState.DISCONNECTED),
                "an idle path with answered consent checks stays connected: " + p.a.states());
        assertFalse(p.b.states().contains(IceConnectionState.DISCONNECTED), p.b.states().toString());
    }

    @Test
    void consentIntervalIsConfigurable() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.FULL_CONE, NatType.FULL_CONE)
                .configureA(c -> c.consentInterval(Duration.ofSeconds(2)))).start();
        assertTrue(p.runUntilConnected(10));
        p.net.runFor(10_000);
        List<Long> times = consentSendTimes(p, p.a, 60);
        for (int i = 1; i < times.size(); i++) {
            long gap = times.get(i) - times.get(i - 1);
            assertTrue(gap >= 1600_000_000L && gap <= 2400_000_000L, "gap " + gap / 1e9 + " s");
        }
        assertTrue(times.size() >= 25, times.size() + " checks in 60 s");
    }

    @Test
    void flappingPathChangesStateFewerThanTenTimesPerMinute() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.FULL_CONE, NatType.FULL_CONE)).start();
        assertTrue(p.runUntilConnected(10));
        long start = p.net.now();
        // The path is up 6 s, down 6 s, for five minutes.
        p.net.setDropRule((t, addrs) -> t >= start && ((t - start) / (6 * S)) % 2 == 1);
        p.net.runFor(300_000);
        for (long m = 0; m < 5; m++) {
            long from = start + m * 60 * S;
            long changes = p.a.stateChangesBetween(from, from + 60 * S);
            assertTrue(changes < 10, "minute " + m + ": " + changes + " changes " + p.a.states());
        }
        assertFalse(p.a.states().contains(IceConnectionState.FAILED));
        assertTrue(p.a.states().contains(IceConnectionState.DISCONNECTED), "the first outage is still reported");
    }
}
