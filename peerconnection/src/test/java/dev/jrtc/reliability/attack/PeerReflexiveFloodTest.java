package dev.jrtc.reliability.attack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.reliability.sim.ConnectivityChecks;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.IceCredentialsFromSdp;
import dev.jrtc.reliability.sim.VideoCall;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Someone who knows the ICE credentials (a leaky signalling server) sends correctly signed checks
 * from 5,000 addresses. Each would teach us a peer-reflexive candidate; the number we keep and
 * check must stay bounded, and the call goes on.
 */
class PeerReflexiveFloodTest {
    private static final int DEFAULT_CAP = 16; // IceConfig's default maxPeerReflexive

    @Test
    void peerReflexiveFloodKeepsStateBounded() throws Exception {
        try (EnginePair pair = new EnginePair(19)) {
            VideoCall call = VideoCall.connect(pair);
            IceCredentialsFromSdp b = IceCredentialsFromSdp.of(pair.b.engine);
            IceCredentialsFromSdp a = IceCredentialsFromSdp.of(pair.a.engine);
            ConnectivityChecks checks = new ConnectivityChecks(7);
            int sentBefore = pair.b.sent.size();
            for (int i = 0; i < 5_000; i++) {
                InetAddress host = InetAddress.getByAddress(new byte[] {10, 9, (byte) (i >>> 8), (byte) i});
                byte[] check = checks.check(b.ufrag() + ":" + a.ufrag(), b.password(), false);
                pair.inject(pair.b, new InetSocketAddress(host, 40000 + i % 1000), check);
            }
            call.send(60);
            call.awaitAll(Duration.ofSeconds(2));

            Set<InetSocketAddress> contacted = pair.b.sent.subList(sentBefore, pair.b.sent.size()).stream()
                    .map(s -> s.transmit().destination()).filter(d -> !d.equals(pair.a.address))
                    .collect(Collectors.toSet());
            // We answer each check (RFC 8445 §7.3), but only a bounded set become candidates we check ourselves.
            long checkedByUs = pair.b.sent.subList(sentBefore, pair.b.sent.size()).stream()
                    .filter(s -> !s.transmit().destination().equals(pair.a.address)).count();
            assertTrue(checkedByUs <= 5_000 + 4L * DEFAULT_CAP * 10,
                    "datagrams to flood addresses: " + checkedByUs + " to " + contacted.size() + " addresses");
            int candidates = pair.b.engine.getStats(pair.clock.nanoTime()).ofType("remote-candidate").size();
            assertTrue(candidates <= DEFAULT_CAP + 4, "remote candidates kept: " + candidates);
            System.out.println("prflx flood: " + checkedByUs + " datagrams to " + contacted.size()
                    + " flood addresses; remote candidates in stats: " + candidates);
            assertTrue(pair.b.connected());
        }
    }
}
