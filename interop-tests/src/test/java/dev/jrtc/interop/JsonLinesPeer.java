package dev.jrtc.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A peer written as a Python script in src/test/resources/interop/, run with Debian's
 * /usr/bin/python3, that speaks one JSON object per line: commands on its stdin, replies on its
 * stdout, diagnostics on its stderr (which goes to the peer log). Closing it kills the process.
 */
public class JsonLinesPeer implements PeerChannel, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PeerProcess process;
    private final Path script;
    private final Writer toPeer;
    private final BlockingQueue<JsonNode> fromPeer = new LinkedBlockingQueue<>();

    JsonLinesPeer(String name, Path python, String scriptResource) {
        this(name, List.of(python.toString(), "-u"), scriptResource, List.of());
    }

    /**
     * Runs {@code interpreter}, then a copy of the script resource, then {@code args}; for peers
     * that are not Python (werift runs under node).
     */
    protected JsonLinesPeer(String name, List<String> interpreter, String scriptResource, List<String> args) {
        PrivateNetworkNamespace.assertInside();
        this.script = copyOut(scriptResource);
        List<String> command = new java.util.ArrayList<>(interpreter);
        command.add(script.toString());
        command.addAll(args);
        this.process = PeerProcess.start(name, command, true);
        this.toPeer = new OutputStreamWriter(process.process().getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> readLines(process.process().getInputStream()), name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Writes one command line to the peer. */
    @Override
    public void send(Object command) {
        try {
            toPeer.write(JSON.writeValueAsString(command) + "\n");
            toPeer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the peer stopped reading; its log:\n" + logTail(), e);
        }
    }

    /** The peer's next reply, or null if none came within {@code timeout}. */
    @Override
    public JsonNode receive(Duration timeout) throws InterruptedException {
        return fromPeer.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String logTail() {
        return process.logTail();
    }

    private void readLines(InputStream stdout) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                try {
                    fromPeer.add(JSON.readTree(line));
                } catch (IOException notJson) {
                    fromPeer.add(JSON.createObjectNode().put("type", "error").put("error", "not JSON: " + line));
                }
            }
        } catch (IOException e) {
            // The process was killed; receive() times out and the test reports the log.
        }
    }

    private static Path copyOut(String resource) {
        try (InputStream in = JsonLinesPeer.class.getResourceAsStream("/interop/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource interop/" + resource);
            }
            Path file = Files.createTempFile("jrtc-", "-" + resource);
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            try {
                Files.deleteIfExists(script);
            } catch (IOException ignored) {
                // A leftover copy of a test script in /tmp is harmless.
            }
        }
    }
}
