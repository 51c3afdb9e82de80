package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.sim.TwoPeers;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A peer connection demultiplexes DTLS and SRTP itself, so the agent only hears of that traffic
 * through {@link IceAgent#handleDataReceived}. During a bulk transfer a busy peer may answer
 * consent checks late; the data still arriving must keep the state out of "disconnected", while
 * consent itself is still only refreshed by STUN responses.
 */
class DataReceivedByTheEdgeTest {
    private static final long S = 1_000_000_000L;

    @Test
    void dataSeenByTheEdgeKeepsTheStateOutOfDisconnected() {
        assertFalse(runWithoutConsentResponses(true).contains(IceConnectionState.DISCONNECTED));
    }

    @Test
    void withoutThatDataTheSameSilenceIsDisconnected() {
        assertTrue(runWithoutConsentResponses(false).contains(IceConnectionState.DISCONNECTED));
    }

    @Test
    void dataFromAnotherAddressDoesNotCount() {
        TwoPeers p = connected();
        InetSocketAddress stranger = new InetSocketAddress(p.bHost.getAddress(), p.bHost.getPort() + 1);
        assertTrue(silence(p, stranger).contains(IceConnectionState.DISCONNECTED));
    }

    /** Connects, then cuts everything b sends to a for 12 s; returns a's states in that time. */
    private static List<IceConnectionState> runWithoutConsentResponses(boolean reportData) {
        TwoPeers p = connected();
        InetSocketAddress remote = p.a.agent.selectedPair().orElseThrow().remote().socketAddress().orElseThrow();
        return silence(p, reportData ? remote : null);
    }

    private static TwoPeers connected() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null).withoutStun()).start();
        assertTrue(p.runUntilConnected(10));
        p.net.runFor(1000);
        return p;
    }

    private static List<IceConnectionState> silence(TwoPeers p, InetSocketAddress dataFrom) {
        int before = p.a.states().size();
        long start = p.net.now();
        p.net.setDropRule((t, addrs) -> t >= start && addrs[0].equals(p.bHost));
        while (p.net.now() < start + 12 * S) {
            p.net.runFor(200);
            if (dataFrom != null) {
                p.net.call(p.a.agent, now -> p.a.agent.handleDataReceived(now, dataFrom));
            }
        }
        return p.a.states().subList(before, p.a.states().size());
    }
}
