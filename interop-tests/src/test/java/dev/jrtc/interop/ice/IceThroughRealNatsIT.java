package dev.jrtc.interop.ice;

import dev.jrtc.interop.LineProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jrtc.interop.PrivateNetworkNamespace;
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
 * Issue 5's NAT matrix on real kernels' NATs: two hosts, each behind its own Linux router doing
 * {@code MASQUERADE}, and a "public" segment with coturn (STUN and TURN). Built from network
 * namespaces by {@code src/test/resources/ice/nat-topology.sh}; one {@link NatAgentMain} runs in
 * each host namespace and exchanges candidates with the other through this test. With plain
 * MASQUERADE (port-preserving, a cone in practice) the agents must connect through each other's
 * server-reflexive candidates; with {@code --random-fully} (a new port per destination, symmetric)
 * only a relayed path can work. Data must cross both ways, and the namespaces must be gone after.
 */
class IceThroughRealNatsIT {

    @ParameterizedTest
    @EnumSource(NatTopology.Mode.class)
    void agentsBehindMasqueradeNatsConnect(NatTopology.Mode topology) throws Exception {
        PrivateNetworkNamespace.assertInside();
        requireTool("ip", "iproute2");
        requireTool("iptables", "iptables");
        Path turnserver = Coturn.binary();
        String prefix = "jn" + (ProcessHandle.current().pid() % 100_000) + topology.mode.charAt(0);
        Path dir = Files.createTempDirectory("jrtc-nat-" + topology.mode);
        List<LineProcess> procs = new ArrayList<>();
        long start = System.nanoTime();
        try {
            NatTopology.run(dir, "up", prefix, topology.mode);
            long upMs = millisSince(start);
            LineProcess coturn = new LineProcess("coturn", List.of("ip", "netns", "exec", prefix + "-pub", turnserver.toString(),
                    "-n", "--no-cli", "--listening-ip", NatTopology.SERVER, "--relay-ip", NatTopology.SERVER, "--listening-port", "3478",
                    "--min-port", "49152", "--max-port", "49252", "--lt-cred-mech", "--user",
                    Coturn.USER + ":" + Coturn.PASSWORD, "--realm", Coturn.REALM, "--no-tls", "--no-dtls",
                    "--fingerprint", "--simple-log", "--log-file", dir.resolve("coturn.log").toString(),
                    "--pidfile", dir.resolve("coturn.pid").toString()), dir.resolve("coturn.err"));
            procs.add(coturn);
            // coturn buffers stdout; its log file says when the listeners are up.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!coturnLog(dir).contains("Total General servers") && System.nanoTime() < until) {
                assertTrue(coturn.alive(), "turnserver exited: " + coturnLog(dir));
                Thread.sleep(50);
            }

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cp = System.getProperty("java.class.path");
            LineProcess a = agent(java, cp, prefix + "-hA", "10.200.1.2", "controlling", "A", dir);
            procs.add(a);
            LineProcess b = agent(java, cp, prefix + "-hB", "10.200.2.2", "controlled", "B", dir);
            procs.add(b);
            for (LineProcess p : List.of(a, b)) {
                assertTrue(p.awaitMatch("GATHERED"::equals, 15_000), "gathering did not finish: " + p + log(dir, p));
            }
            long gatheredMs = millisSince(start);
            assertTrue(a.all("CAND ").stream().anyMatch(c -> c.contains("203.0.113.10") && c.contains("typ srflx")),
                    "A sits behind its NAT: srflx 203.0.113.10 expected\n" + a + "\n" + tail(coturnLog(dir)));
            assertTrue(b.all("CAND ").stream().anyMatch(c -> c.contains("typ relay")), "B has a relay\n" + b);
            exchange(a, b);
            exchange(b, a);
            long signalledAt = System.nanoTime();
            for (LineProcess p : List.of(a, b)) {
                assertTrue(p.awaitMatch(l -> l.startsWith("DATA "), 30_000), "no data arrived: " + p + log(dir, p)
                        + "\nother side: " + (p == a ? b : a) + "\ncoturn: " + tail(coturnLog(dir)));
            }
            long connectedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalledAt);
            String[] selA = a.first("SELECTED ").orElseThrow().split(" ");
            String[] selB = b.first("SELECTED ").orElseThrow().split(" ");
            System.out.printf("NAT matrix %s: topology up %d ms, gathered at %d ms, data both ways %d ms after "
                    + "signalling%n  A selected %s%n  B selected %s%n", topology.mode, upMs, gatheredMs, connectedMs,
                    String.join(" ", selA), String.join(" ", selB));
            assertEquals("DATA hello from B", a.first("DATA ").orElseThrow());
            assertEquals("DATA hello from A", b.first("DATA ").orElseThrow());
            switch (topology) {
                case CONE -> {
                    // Hole punching through the port-preserving NATs: each side reaches the other's srflx.
                    assertEquals("srflx", selA[2], "A's remote: " + a + "\n" + b);
                    assertEquals("srflx", selB[2], "B's remote: " + b + "\n" + a);
                    assertTrue(selA[4].startsWith("203.0.113.20:"), selA[4]);
                    assertTrue(selB[4].startsWith("203.0.113.10:"), selB[4]);
                }
                case SYMMETRIC -> {
                    // No srflx path survives --random-fully: the selected pairs run through coturn.
                    assertTrue(selA[1].equals("relay") || selA[2].equals("relay"), "A: " + a + "\n" + b);
                    assertTrue(selB[1].equals("relay") || selB[2].equals("relay"), "B: " + b + "\n" + a);
                    assertFalse(selA[1].equals("host") && selA[2].equals("srflx"), "A: " + a);
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
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            assertFalse(left.contains(prefix + "-"), "namespaces left behind: " + left);
        }
    }

    private static LineProcess agent(String java, String cp, String ns, String ip, String role, String name, Path dir)
            throws IOException {
        return new LineProcess(name, List.of("ip", "netns", "exec", ns, java, "-cp", cp, NatAgentMain.class.getName(), ip, role,
                NatTopology.SERVER, name), dir.resolve(name + ".err"));
    }

    /** Hands {@code from}'s credentials and candidates to {@code to}, then end-of-candidates. */
    private static void exchange(LineProcess from, LineProcess to) throws IOException {
        to.send(from.first("CRED ").orElseThrow());
        for (String c : from.all("CAND ")) {
            to.send(c);
        }
        to.send("EOC");
    }



    /** A missing tool fails the test and names the Debian package. */
    private static void requireTool(String tool, String pkg) {
        for (String d : (System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return;
            }
        }
        fail(tool + " not found: apt-get install -y " + pkg);
    }

    private static String log(Path dir, LineProcess p) {
        try {
            return "\nstderr of " + p.name + ":\n" + Files.readString(dir.resolve(p.name + ".err"));
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(String s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }

    private static String coturnLog(Path dir) {
        try {
            return Files.readString(dir.resolve("coturn.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
