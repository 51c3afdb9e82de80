package dev.jrtc.interop.dtls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.dtls.DtlsCertificate;
import dev.jrtc.dtls.DtlsConfig;
import dev.jrtc.dtls.DtlsEvent;
import dev.jrtc.dtls.DtlsKeyType;
import dev.jrtc.dtls.DtlsRole;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measured harness (not a pass/fail benchmark) for BENCHMARKS.md: DTLS 1.2 ECDSA P-256
 * handshake latency on loopback for jrtc's client against openssl s_server, and for openssl
 * s_client against the same s_server. The s_client figure includes starting a process, so a run
 * of {@code openssl version} is timed as the baseline to subtract. It fails only if handshakes fail.
 */
@Timeout(300)
class OpenSslDtlsHandshakeTimingIT {
    private static final int RUNS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void measureHandshakeLatencyAgainstOpenSsl() throws Exception {
        OpenSsl.Identity serverId = OpenSsl.newIdentity(dir, "server");
        OpenSsl.Identity clientId = OpenSsl.newIdentity(dir, "client");
        DtlsCertificate ours = DtlsCertificate.generate(DtlsKeyType.ECDSA_P256, RANDOM, System.currentTimeMillis());
        int port = OpenSslDtlsSrtpInteropIT.freeUdpPort();
        List<String> serverCommand = OpenSsl.serverCommand(port, serverId);
        serverCommand.set(serverCommand.indexOf("-Verify"), "-verify"); // ask for, but do not insist on, a client cert
        try (OpenSslProcess server = new OpenSslProcess(serverCommand, dir.resolve("s_server.log"))) {
            assertTrue(server.awaitOutput("ACCEPT", 10_000), server.output());

            List<Long> jrtc = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                try (UdpEngineDriver client = new UdpEngineDriver(
                        DtlsConfig.of(DtlsRole.CLIENT, ours, List.of(serverId.fingerprint())), RANDOM)) {
                    long t0 = System.nanoTime();
                    client.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    assertTrue(client.runUntil(e -> e.stream().anyMatch(x -> x instanceof DtlsEvent.Connected),
                            Duration.ofSeconds(10)), () -> client.events + server.output());
                    jrtc.add(System.nanoTime() - t0);
                }
                Thread.sleep(50); // s_server goes back to accepting after close_notify
            }

            List<Long> opensslClient = new ArrayList<>();
            List<Long> processBaseline = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                List<String> cmd = OpenSsl.clientCommand(port, clientId);
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                // A stuck s_client must not hang the run: kill it after 10 s, which ends the read below.
                java.util.concurrent.CompletableFuture.delayedExecutor(10, TimeUnit.SECONDS).execute(p::destroyForcibly);
                // openssl prints the exported keys right after the handshake; stop the clock there.
                boolean keyed = false;
                try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
                        p.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        if (line.contains("Keying material:")) {
                            opensslClient.add(System.nanoTime() - t0);
                            keyed = true;
                            break;
                        }
                    }
                } finally {
                    // EOF on stdin makes s_client send close_notify, so s_server is free for the next client.
                    p.getOutputStream().close();
                    if (!p.waitFor(10, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                }
                assertTrue(keyed, "s_client printed no keying material");
                Thread.sleep(50);

                long b0 = System.nanoTime();
                Process v = new ProcessBuilder(OpenSsl.binary().toString(), "version").redirectErrorStream(true).start();
                v.getInputStream().readAllBytes();
                v.waitFor(10, TimeUnit.SECONDS);
                processBaseline.add(System.nanoTime() - b0);
            }
            System.out.println("RESULT jrtc client -> openssl s_server handshake ms: " + summary(jrtc)
                    + " (first " + ms(jrtc.get(0)) + ")");
            System.out.println("RESULT openssl s_client -> openssl s_server, process start to keys printed, ms: " + summary(opensslClient));
            System.out.println("RESULT openssl version process ms (baseline): " + summary(processBaseline));
        }
    }

    private static String summary(List<Long> nanos) {
        List<Long> warm = new ArrayList<>(nanos.subList(1, nanos.size()));
        warm.sort(null);
        return "median " + ms(warm.get(warm.size() / 2)) + ", min " + ms(warm.get(0)) + ", max " + ms(warm.get(warm.size() - 1));
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}
