package dev.jrtc.interop.ice;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real coturn on 127.0.0.1 with long-term credentials {@code u:p} in realm {@code r}, on free
 * non-default ports, with a self-signed certificate made by openssl for TLS. Closing it kills it.
 */
public final class Coturn implements AutoCloseable {
    public static final String USER = "u";
    public static final String PASSWORD = "p";
    public static final String REALM = "r";
    final int port;
    final int tlsPort;
    private final int relayMin;
    private final Path dir;
    private Process process;

    private Coturn(int port, int tlsPort, int relayMin, Path dir) {
        this.port = port;
        this.tlsPort = tlsPort;
        this.relayMin = relayMin;
        this.dir = dir;
    }

    /** The turnserver binary; a missing one fails the test and names the Debian package. */
    public static Path binary() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(d, "turnserver");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        fail("turnserver not found: apt-get install coturn");
        return null;
    }

    public static Coturn start() throws Exception {
        dev.jrtc.interop.PrivateNetworkNamespace.assertInside();
        binary();
        Path dir = Files.createTempDirectory("jrtc-coturn");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                "-keyout", key.toString(), "-out", cert.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!openssl.waitFor(30, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            fail("openssl could not make a certificate: " + Files.readString(dir.resolve("openssl.log")));
        }
        int relayMin = 52000 + (int) (ProcessHandle.current().pid() % 50) * 100;
        Coturn c = new Coturn(freePort(), freePort(), relayMin, dir);
        c.launch();
        return c;
    }

    /**
     * Kills coturn and starts a fresh one on the same ports: every allocation, nonce and permission
     * is forgotten, as after a server restart in production.
     */
    void restart() throws Exception {
        stopProcess();
        launch();
    }

    private void launch() throws Exception {
        Path bin = binary();
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        List<String> cmd = new ArrayList<>(List.of(bin.toString(), "-n", "--no-cli", "--listening-ip", "127.0.0.1",
                "--relay-ip", "127.0.0.1", "--listening-port", Integer.toString(port),
                "--tls-listening-port", Integer.toString(tlsPort), "--min-port", Integer.toString(relayMin),
                "--max-port", Integer.toString(relayMin + 99), "--allow-loopback-peers", "--lt-cred-mech",
                "--user", USER + ":" + PASSWORD, "--realm", REALM, "--cert", cert.toString(), "--pkey", key.toString(),
                "--no-dtls", "--fingerprint", "--simple-log", "--log-file", "stdout", "--pidfile", dir.resolve("pid").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("turnserver.log").toFile())).start();
        process = p;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            if (!p.isAlive()) {
                fail("turnserver exited: " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        String why = log();
        close();
        fail("turnserver did not listen on " + port + ": " + why);
    }

    /** A port free for both TCP and UDP right now. */
    static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = s.getLocalPort();
                try (DatagramSocket d = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port");
    }

    private void stopProcess() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    InetSocketAddress tlsAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), tlsPort);
    }

    public String log() {
        try {
            String s = Files.readString(dir.resolve("turnserver.log"));
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopProcess();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temp directory
        }
    }
}
