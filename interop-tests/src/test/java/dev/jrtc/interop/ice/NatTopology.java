package dev.jrtc.interop.ice;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/resources/ice/nat-topology.sh}, which builds (up) or removes (down) the
 * namespaces, veth links and masquerading routers of the real-NAT tests. Its output goes to
 * {@code topology-<verb>.log} in {@code dir}; a failure or a hang fails the test with that log.
 */
public final class NatTopology {
    /** The public segment's server address (coturn listens here; the routers' outside addresses are beside it). */
    public static final String SERVER = "203.0.113.1";
    private static final Path SCRIPT = Path.of("src/test/resources/ice/nat-topology.sh");

    /** How both routers translate: the script's mode argument. */
    public enum Mode {
        /** Plain MASQUERADE: a port-restricted cone NAT. */
        CONE("cone"),
        /** MASQUERADE --random-fully: a symmetric NAT. */
        SYMMETRIC("symmetric");

        /** The word nat-topology.sh takes. */
        public final String mode;

        Mode(String mode) {
            this.mode = mode;
        }
    }

    private NatTopology() {
    }

    /** Runs the script with {@code args} (the first is the verb: up or down). */
    public static void run(Path dir, String... args) throws Exception {
        if (!Files.isReadable(SCRIPT)) {
            fail("missing " + SCRIPT.toAbsolutePath());
        }
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(List.of(args));
        Path logFile = dir.resolve("topology-" + args[0] + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("nat-topology.sh " + String.join(" ", args) + " hung");
        }
        if (p.exitValue() != 0) {
            fail("nat-topology.sh " + String.join(" ", args) + " failed: " + Files.readString(logFile));
        }
    }
}
