package dev.jrtc.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One external peer program and every process it spawns. Its stderr (and, unless the caller
 * reads it, its stdout) go to a log file under {@code target/peer-logs/}, kept for CI artifacts,
 * whose tail goes into assertion messages. Closing it kills the whole process tree, so that no
 * browser outlives its test.
 */
public final class PeerProcess implements AutoCloseable {
    private static final int LOG_TAIL_CHARS = 4000;
    private static final Path LOG_DIR = Path.of("target", "peer-logs");

    private final String name;
    private final Process process;
    private final Path log;

    private PeerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} with stdout and stderr going to a log file. */
    public static PeerProcess start(String name, List<String> command) {
        return start(name, command, false);
    }

    /**
     * Starts {@code command}; if {@code pipeStdio}, stdin and stdout stay pipes for the caller
     * (see {@link #process()}) and only stderr goes to the log.
     */
    static PeerProcess start(String name, List<String> command, boolean pipeStdio) {
        try {
            Files.createDirectories(LOG_DIR);
            Path log = Files.createTempFile(LOG_DIR, name + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
            if (!pipeStdio) {
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            return new PeerProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    Process process() {
        return process;
    }

    /** The end of the peer's log, for failure messages. */
    public String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() <= LOG_TAIL_CHARS ? text : "..." + text.substring(text.length() - LOG_TAIL_CHARS);
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        // Collect the descendants first: once the root dies they are reparented and lost.
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(PeerTimeouts.EXIT.toMillis(), TimeUnit.MILLISECONDS);
            for (ProcessHandle child : tree) {
                child.onExit().get(PeerTimeouts.EXIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A child that will not die is reported, not hidden.
            throw new IllegalStateException(name + " did not exit after being killed", e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
