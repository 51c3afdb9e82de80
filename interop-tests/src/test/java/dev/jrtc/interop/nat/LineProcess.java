package dev.jrtc.interop.nat;

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

/** A process that talks in lines: its stdout collected as it comes, stderr to a file, lines to its stdin. */
final class LineProcess implements AutoCloseable {
    final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Writer stdin;

    LineProcess(String name, List<String> command, Path stderr) throws IOException {
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

    void send(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The first line starting with {@code prefix}, waiting up to {@code millis} for it. */
    Optional<String> await(String prefix, long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            Optional<String> hit = lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
            if (hit.isPresent() || System.nanoTime() > until) {
                return hit;
            }
            if (!process.isAlive()) {
                Thread.sleep(100); // the reader may still have the last lines
                return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
            }
            Thread.sleep(20);
        }
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
