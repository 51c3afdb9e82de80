package dev.jrtc.interop.nat;

import dev.jrtc.interop.LineProcess;
import dev.jrtc.interop.ice.NatTopology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jrtc.interop.PrivateNetworkNamespace;
import dev.jrtc.interop.ice.Coturn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two jrtc {@code RTCPeerConnection}s ({@link NatPeerMain}), each in its own host namespace behind
 * a Linux router that masquerades, with coturn (STUN and TURN) on the public segment between the
 * routers: the topology of {@code src/test/resources/ice/nat-topology.sh}. With plain MASQUERADE
 * (endpoint-independent mapping, since Linux keeps the source port, and address- and
 * port-dependent filtering from conntrack: a port-restricted cone on both sides) the peers must
 * connect directly, host to the other's server-reflexive (or peer-reflexive) address. With
 * {@code --random-fully} on both routers (a new port per destination: symmetric on both sides)
 * only the relay works, so each side's selected pair must involve a relayed candidate. In both
 * cases a data-channel message crosses each way. Run with the interop profile, inside the private
 * namespace of {@code run-interop.sh}.
 */
class PeerConnectionsThroughRealNatsIT {
    private static final long CONNECT_MS = Long.getLong("jrtc.nat.connectMillis", 30_000);

    @ParameterizedTest
    @EnumSource(NatTopology.Mode.class)
    void peerConnectionsBehindLinuxNatsConnectThroughTheExpectedCandidates(NatTopology.Mode topology) throws Exception {
        PrivateNetworkNamespace.assertInside();
        Path turnserver = Coturn.binary();
        String prefix = "jp" + (ProcessHandle.current().pid() % 100_000) + topology.mode.charAt(0);
        Path dir = Files.createTempDirectory("jrtc-pc-nat-" + topology.mode);
        List<LineProcess> procs = new ArrayList<>();
        try {
            NatTopology.run(dir, "up", prefix, topology.mode);
            LineProcess coturn = new LineProcess("coturn", List.of("ip", "netns", "exec", prefix + "-pub",
                    turnserver.toString(), "-n", "--no-cli", "--listening-ip", NatTopology.SERVER, "--relay-ip", NatTopology.SERVER,
                    "--listening-port", "3478", "--min-port", "49152", "--max-port", "49252", "--lt-cred-mech",
                    "--user", Coturn.USER + ":" + Coturn.PASSWORD, "--realm", Coturn.REALM, "--no-tls", "--no-dtls",
                    "--fingerprint", "--simple-log", "--log-file", dir.resolve("coturn.log").toString(),
                    "--pidfile", dir.resolve("coturn.pid").toString()), dir.resolve("coturn.err"));
            procs.add(coturn);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!read(dir.resolve("coturn.log")).contains("Total General servers") && System.nanoTime() < until) {
                assertTrue(coturn.alive(), "turnserver exited: " + read(dir.resolve("coturn.log")));
                Thread.sleep(50);
            }

            LineProcess a = peer(prefix + "-hA", "10.200.1.2", "offerer", "A", dir);
            procs.add(a);
            LineProcess b = peer(prefix + "-hB", "10.200.2.2", "answerer", "B", dir);
            procs.add(b);
            long start = System.nanoTime();
            b.send(a.await("SDP ", 20_000).orElseThrow(() -> new AssertionError("no offer\n" + a + err(dir, a))));
            a.send(b.await("SDP ", 20_000).orElseThrow(() -> new AssertionError("no answer\n" + b + err(dir, b))));
            for (LineProcess p : List.of(a, b)) {
                LineProcess other = p == a ? b : a;
                String msg = p.await("MSG ", CONNECT_MS).orElseThrow(() -> new AssertionError("no message reached "
                        + p.name + "\n" + p + err(dir, p) + "\n" + other + err(dir, other) + "\ncoturn: "
                        + tail(read(dir.resolve("coturn.log")))));
                assertEquals("MSG hello from " + other.name, msg);
            }
            long connectedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            String[] selA = a.await("SELECTED ", 5_000).orElseThrow().split(" ");
            String[] selB = b.await("SELECTED ", 5_000).orElseThrow().split(" ");
            System.out.printf("RTCPeerConnections through %s NATs: message both ways %d ms after the offer%n"
                    + "  A selected %s%n  B selected %s%n", topology.mode, connectedMs, String.join(" ", selA),
                    String.join(" ", selB));
            switch (topology) {
                case CONE -> {
                    for (String[] sel : List.of(selA, selB)) {
                        assertEquals("host", sel[1], "direct path from the host candidate: " + a + "\n" + b);
                        assertTrue(sel[2].equals("srflx") || sel[2].equals("prflx"), "to the peer's NAT mapping: "
                                + String.join(" ", sel));
                    }
                    assertTrue(selA[4].startsWith("203.0.113.20:"), "A talks to B's router: " + selA[4]);
                    assertTrue(selB[4].startsWith("203.0.113.10:"), "B talks to A's router: " + selB[4]);
                }
                case SYMMETRIC -> {
                    for (String[] sel : List.of(selA, selB)) {
                        assertTrue(sel[1].equals("relay") || sel[2].equals("relay"),
                                "only a relayed path survives --random-fully: " + String.join(" ", sel) + "\n" + a + "\n" + b);
                    }
                }
            }
        } finally {
            for (LineProcess p : procs) {
                p.close();
            }
            NatTopology.run(dir, "down", prefix);
            Process list = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
            String left = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            list.waitFor(5, TimeUnit.SECONDS);
            assertFalse(left.contains(prefix + "-"), "namespaces left behind: " + left);
        }
    }

    private static LineProcess peer(String ns, String ip, String role, String name, Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new LineProcess(name, List.of("ip", "netns", "exec", ns, java, "-cp", System.getProperty("java.class.path"),
                NatPeerMain.class.getName(), ip, role, NatTopology.SERVER, name), dir.resolve(name + ".err"));
    }


    private static String err(Path dir, LineProcess p) {
        return "\nstderr of " + p.name + ":\n" + tail(read(dir.resolve(p.name + ".err")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(String s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
