package dev.jrtc.interop.dtls;

import dev.jrtc.interop.PrivateNetworkNamespace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running openssl s_server or s_client. Its output goes to a file we can read while it runs;
 * its stdin stays open (EOF on stdin makes both tools hang up).
 */
final class OpenSslProcess implements AutoCloseable {
    private final Process process;
    private final OutputStream stdin;
    private final Path log;

    OpenSslProcess(List<String> command, Path log) throws IOException {
        PrivateNetworkNamespace.assertInside();
        this.log = log;
        this.process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        this.stdin = process.getOutputStream();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(unreadable " + log + ": " + e + ")";
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Types a line on openssl's stdin: s_client and s_server send it as application data. */
    void type(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        stdin.flush();
    }

        /** Waits for openssl to print a line containing {@code text}. */
    boolean awaitOutput(String text, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() - end < 0) {
            if (output().contains(text)) {
                return true;
            }
            Thread.sleep(10);
        }
        return output().contains(text);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stdin.close();
        } catch (IOException e) {
            // it may have exited already
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
