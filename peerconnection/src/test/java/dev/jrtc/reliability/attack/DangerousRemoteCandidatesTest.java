package dev.jrtc.reliability.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.reliability.sim.EnginePair;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hostile signalling peer hands us candidates that would turn our checks against this host or its
 * cloud: loopback, link-local, the 169.254.169.254 metadata service and the IPv4-mapped IPv6 forms
 * of each. By default they are dropped: not a single datagram goes there.
 */
class DangerousRemoteCandidatesTest {
    private static final List<String> DANGEROUS = List.of("127.0.0.1", "127.1.2.3", "169.254.10.20", "169.254.169.254",
            "::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:7f00:1");

    private static final String CONTROL_HOST = "10.0.0.77";

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "169.254.10.20", "169.254.169.254", "::1", "fe80::1",
            "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:7f00:1"})
    void remoteCandidateInLoopbackLinkLocalMetadataOrMappedFormIsNeverContacted(String host) throws Exception {
        assertNothingSentTo(List.of(host));
    }

    @Test
    void allDangerousCandidatesTogetherAreNeverContacted() throws Exception {
        assertNothingSentTo(DANGEROUS);
    }

    private static void assertNothingSentTo(List<String> hosts) throws Exception {
        try (EnginePair pair = new EnginePair(16)) {
            pair.a.engine.addTransceiver(0, dev.jrtc.sdp.jsep.MediaKind.VIDEO, dev.jrtc.sdp.Direction.SENDONLY);
            pair.negotiate();
            int port = 9000;
            for (String host : hosts) {
                try {
                    pair.b.engine.addRemoteCandidate(pair.clock.nanoTime(),
                            "candidate:77 1 udp 2130706431 " + host + " " + (port++) + " typ host");
                } catch (IllegalArgumentException rejected) {
                    // Refusing the line outright is also a way of dropping it.
                }
            }
            pair.b.engine.addRemoteCandidate(pair.clock.nanoTime(), "candidate:78 1 udp 2130706431 " + CONTROL_HOST
                    + " 9999 typ host");
            pair.drain();
            pair.runUntil(() -> pair.a.connected() && pair.b.connected(), Duration.ofSeconds(30));
            pair.runFor(Duration.ofSeconds(5));
            assertTrue(pair.b.sent.stream().anyMatch(s -> s.transmit().destination().getAddress().equals(parse(CONTROL_HOST))),
                    "control: an ordinary extra candidate is checked");
            Set<InetAddress> dangerous = hosts.stream().map(DangerousRemoteCandidatesTest::parse)
                    .collect(Collectors.toSet());
            List<String> contacted = pair.b.sent.stream().map(s -> s.transmit().destination())
                    .filter(d -> dangerous.contains(d.getAddress()) || sameV4(d.getAddress(), dangerous))
                    .map(Object::toString).distinct().toList();
            assertEquals(List.of(), contacted, "datagrams sent to dangerous candidates");
        }
    }

    private static InetAddress parse(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // An IPv4-mapped destination is the IPv4 host it embeds.
    private static boolean sameV4(InetAddress destination, Set<InetAddress> dangerous) {
        byte[] d = destination.getAddress();
        if (d.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (d[i] != 0) {
                return false;
            }
        }
        if (d[10] != (byte) 0xFF || d[11] != (byte) 0xFF) {
            return false;
        }
        return dangerous.contains(parse((d[12] & 0xFF) + "." + (d[13] & 0xFF) + "." + (d[14] & 0xFF) + "." + (d[15] & 0xFF)));
    }
}
