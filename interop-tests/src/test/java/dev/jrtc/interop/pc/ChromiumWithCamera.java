package dev.jrtc.interop.pc;

import dev.jrtc.interop.PrivateNetworkNamespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium with the fake camera granted, a fresh profile, and loopback candidates
 * allowed (the flags of TESTRIG.md), showing one page. Closing it kills the whole process tree
 * and deletes the profile. Only inside the private network namespace.
 */
final class ChromiumWithCamera implements AutoCloseable {
    private final Process process;
    private final Path profile;
    private final Path log;

    private ChromiumWithCamera(Process process, Path profile, Path log) {
        this.process = process;
        this.profile = profile;
        this.log = log;
    }

    static ChromiumWithCamera open(URI page) {
        PrivateNetworkNamespace.assertInside();
        try {
            Path profile = Files.createTempDirectory("jrtc-pc-chromium-");
            Path logDir = Files.createDirectories(Path.of("target", "peer-logs"));
            Path log = Files.createTempFile(logDir, "chromium-pc-", ".log");
            List<String> command = List.of("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--allow-loopback-in-peer-connection",
                    "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                    "--user-data-dir=" + profile, page.toString());
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            return new ChromiumWithCamera(p, profile, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start chromium", e);
        }
    }

    /** The end of Chromium's log, for failure messages. */
    String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }
}
