package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.sim.NatType;
import dev.jrtc.ice.sim.TwoPeers;
import org.junit.jupiter.api.Test;

/** An ICE restart mid-call gets new credentials and a new pair while data keeps flowing. */
class IceRestartMidCallTest {
    @Test
    void restartSelectsAgainWithoutDroppingTheCall() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(NatType.PORT_RESTRICTED, NatType.FULL_CONE)).start();
        assertTrue(p.runUntilConnected(10));
        assertTrue(p.exchangeData());
        IceCredentials oldA = p.a.agent.localCredentials();
        int selectionsBefore = selections(p);

        // a restarts; its offer carries new credentials; b answers with its own new ones.
        p.net.call(p.a.agent, now -> p.a.agent.restart(now));
        IceCredentials newA = p.a.agent.localCredentials();
        assertNotEquals(oldA, newA);
        assertTrue(p.exchangeData(), "the old pair carries data while the new generation checks");
        p.net.call(p.b.agent, now -> p.b.agent.setRemoteCredentials(now, newA));
        p.net.call(p.a.agent, now -> p.a.agent.setRemoteCredentials(now, p.b.agent.localCredentials()));
        for (Candidate c : p.a.agent.localCandidates()) {
            p.net.call(p.b.agent, now -> p.b.agent.addRemoteCandidate(now, c));
        }
        for (Candidate c : p.b.agent.localCandidates()) {
            p.net.call(p.a.agent, now -> p.a.agent.addRemoteCandidate(now, c));
        }
        p.net.call(p.a.agent, now -> p.a.agent.endOfRemoteCandidates(now));
        p.net.call(p.b.agent, now -> p.b.agent.endOfRemoteCandidates(now));
        p.net.runFor(5000);

        assertTrue(selections(p) > selectionsBefore, "a pair of the new generation was selected");
        assertTrue(p.a.isConnected() && p.b.isConnected(), p.a.states() + " " + p.b.states());
        assertTrue(p.exchangeData());
        assertFalse(p.a.states().contains(IceConnectionState.FAILED));
        assertFalse(p.a.states().contains(IceConnectionState.DISCONNECTED));
    }

    private static int selections(TwoPeers p) {
        return (int) p.a.events.stream().filter(t -> t.event() instanceof IceEvent.SelectedPairChanged).count();
    }
}
