package dev.jrtc.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A process that talks in lines: its stdout collected as it comes, stderr to a file, lines to its stdin. */
public final class LineProcess implements AutoCloseable {
    /** The name used in thread names and messages. */
    public final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Writer stdin;

    /** Starts {@code command}, with its stderr going to {@code stderr}. */
    public LineProcess(String name, List<String> command, Path stderr) throws IOException {
        this.name = name;
        this.process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    lines.add(line);
                }
            } catch (IOException gone) {
                // the process ended
            }
        }, name + "-stdout");
        t.setDaemon(true);
        t.start();
    }

    /** Writes one line to the process. */
    public void send(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    /** Whether the process still runs. */
    public boolean alive() {
        return process.isAlive();
    }

    /** The first line starting with {@code prefix}, waiting up to {@code millis} for it. */
    public Optional<String> await(String prefix, long millis) throws InterruptedException {
        awaitMatch(l -> l.startsWith(prefix), millis);
        return first(prefix);
    }

    /** Whether a line matching {@code line} came within {@code millis} (or before the process ended). */
    public boolean awaitMatch(Predicate<String> line, long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < until) {
            if (lines.stream().anyMatch(line)) {
                return true;
            }
            if (!process.isAlive()) {
                Thread.sleep(100); // the reader may still have the last lines
                return lines.stream().anyMatch(line);
            }
            Thread.sleep(20);
        }
        return lines.stream().anyMatch(line);
    }

    /** The first line so far that starts with {@code prefix}. */
    public Optional<String> first(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
    }

    /** Every line so far that starts with {@code prefix}. */
    public List<String> all(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            send("QUIT");
        } catch (IOException gone) {
            // already dead
        }
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return name + ":\n  " + String.join("\n  ", lines);
    }
}
