package dev.jrtc.interop.sctp;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jrtc.interop.JsonLinesPeer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * werift (npm, pure TypeScript WebRTC) under node, driven by a script from the test resources in
 * JSON lines. werift comes from interop-tests/src/test/node (package.json and package-lock.json;
 * {@code npm ci} there installs it, as .ci/run does).
 */
final class Werift extends JsonLinesPeer {
    static final Path NODE_DIR = Path.of("src", "test", "node").toAbsolutePath();

    private Werift(String scriptResource) {
        super("werift", List.of(node()), scriptResource, List.of(NODE_DIR.toString(), checks().toString()));
    }

    static Werift run(String scriptResource) {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules").resolve("werift"))) {
            fail("werift is not installed: run `npm ci` in " + NODE_DIR + " (CI's .ci/run does)");
        }
        return new Werift(scriptResource);
    }

    private static String node() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "node");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return fail("node is not installed (Debian package nodejs)");
    }

    /** The shared checks script, where the test resources were copied (a directory under target/). */
    private static Path checks() {
        URL url = Werift.class.getResource("/interop/sctp-checks.js");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test resource interop/sctp-checks.js", e);
        }
    }
}
