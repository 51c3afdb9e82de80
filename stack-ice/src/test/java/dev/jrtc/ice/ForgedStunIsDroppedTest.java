package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.ice.sim.SimNetwork;
import dev.jrtc.ice.sim.TwoPeers;
import dev.jrtc.ice.stun.StunAttribute;
import dev.jrtc.ice.stun.StunAttributeType;
import dev.jrtc.ice.stun.StunCredentials;
import dev.jrtc.ice.stun.StunMessage;
import dev.jrtc.ice.stun.StunMethod;
import dev.jrtc.ice.stun.StunProtection;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forged or smuggled STUN changes nothing; peer-reflexive learning is capped; data needs a validated source. */
class ForgedStunIsDroppedTest {
    private final RandomSource random = RandomSource.seeded(99);
    private static final InetSocketAddress ATTACKER = new InetSocketAddress(SimNetwork.ip("192.0.2.66"), 4444);

    private byte[] check(String username, String password, boolean useCandidate) {
        StunMessage.Builder b = StunMessage.request(StunMethod.BINDING, random)
                .text(StunAttributeType.USERNAME, username)
                .add(new StunAttribute.Number32(StunAttributeType.PRIORITY, 1_853_824_767L))
                .add(new StunAttribute.Number64(StunAttributeType.ICE_CONTROLLING, 1L));
        if (useCandidate) {
            b.add(new StunAttribute.Flag(StunAttributeType.USE_CANDIDATE));
        }
        return b.encode(StunProtection.shortTerm(StunCredentials.shortTermKey(password)));
    }

    private static String snapshot(TwoPeers p) {
        return p.b.agent.pairStatistics().size() + " " + p.b.agent.selectedPair().map(s -> s.remote().toString()).orElse("")
                + " " + p.b.agent.connectionState() + " " + p.b.agent.role();
    }

    @Test
    void forgedChecksAreDroppedSilently() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null)).start();
        assertTrue(p.runUntilConnected(10));
        String before = snapshot(p);
        IceCredentials b = p.b.agent.localCredentials();
        IceCredentials a = p.a.agent.localCredentials();
        String user = b.ufrag() + ":" + a.ufrag();
        byte[] badIntegrity = check(user, "not-the-password-at-all-x", true);
        byte[] wrongUfrag = check("zzzz:" + a.ufrag(), b.password(), true);
        byte[] good = check(user, b.password(), false);
        // USE-CANDIDATE smuggled after MESSAGE-INTEGRITY (before FINGERPRINT would be re-signed; here it simply follows)
        byte[] smuggled = Arrays.copyOf(good, good.length + 4);
        smuggled[good.length + 1] = 0x25;
        smuggled[3] = (byte) (smuggled.length - 20);
        long outBefore = p.b.agent.droppedPackets();
        for (byte[] forged : List.of(badIntegrity, wrongUfrag, smuggled)) {
            p.net.call(p.b.agent, now -> p.b.agent.handleReceive(now, ATTACKER, p.bHost, forged, 0, forged.length));
        }
        assertEquals(before, snapshot(p));
        assertEquals(outBefore + 3, p.b.agent.droppedPackets());
        assertFalse(p.b.agent.isValidatedRemote(ATTACKER));
        byte[] dtls = {22, (byte) 0xfe, (byte) 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        int received = p.b.received.size();
        p.net.call(p.b.agent, now -> p.b.agent.handleReceive(now, ATTACKER, p.bHost, dtls, 0, dtls.length));
        assertEquals(received, p.b.received.size(), "data from an unvalidated source is dropped");
    }

    @Test
    void peerReflexiveCandidatesAreCapped() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null).configureB(c -> c.maxPeerReflexive(4))).start();
        assertTrue(p.runUntilConnected(10));
        int pairs = p.b.agent.pairStatistics().size();
        IceCredentials b = p.b.agent.localCredentials();
        String user = b.ufrag() + ":" + p.a.agent.localCredentials().ufrag();
        for (int port = 1000; port < 1100; port++) {
            byte[] req = check(user, b.password(), false);
            InetSocketAddress from = new InetSocketAddress(ATTACKER.getAddress(), port);
            p.net.call(p.b.agent, now -> p.b.agent.handleReceive(now, from, p.bHost, req, 0, req.length));
        }
        assertTrue(p.b.agent.pairStatistics().size() <= pairs + 4, p.b.agent.pairStatistics().size() + " pairs");
        assertTrue(p.b.isConnected());
    }

    @Test
    void validatedRemoteNormalisesIpv4MappedAddresses() throws Exception {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null)).start();
        assertTrue(p.runUntilConnected(10));
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(p.aHost.getAddress().getAddress(), 0, mapped, 12, 4);
        InetSocketAddress v6 = new InetSocketAddress(java.net.Inet6Address.getByAddress(null, mapped, -1), p.aHost.getPort());
        assertTrue(p.b.agent.isValidatedRemote(p.aHost));
        assertTrue(p.b.agent.isValidatedRemote(v6));
        assertFalse(p.b.agent.isValidatedRemote(ATTACKER));
    }
}
