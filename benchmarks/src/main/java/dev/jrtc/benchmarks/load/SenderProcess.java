package dev.jrtc.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The {@link LoadSender} child process: same JVM binary and class path, signalling on its stdin and stdout. */
final class SenderProcess implements AutoCloseable {
    private final Process process;
    private final PrintStream toSender;
    private volatile CompletableFuture<SenderSample> sentAnswer = new CompletableFuture<>();

    SenderProcess(List<String> jvmOptions, Consumer<SignalLine> onLine) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LoadSender.class.getName());
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        toSender = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    SignalLine s = SignalLine.parse(line);
                    if (s.verb().equals("SENT")) {
                        String[] v = s.payload().split(" ");
                        sentAnswer.complete(new SenderSample(Long.parseLong(v[0]), Long.parseLong(v[1]), Long.parseLong(v[2])));
                    } else {
                        onLine.accept(s);
                    }
                }
            } catch (IOException e) {
                System.err.println("sender output: " + e);
            }
        }, "load-sender-reader");
        reader.setDaemon(true);
        reader.start();
    }

    synchronized void send(SignalLine line) {
        toSender.println(line.format());
    }

    /** The sender's count of frames its stack accepted so far, with its CPU time and the instant. */
    SenderSample sample() throws Exception {
        CompletableFuture<SenderSample> answer = new CompletableFuture<>();
        sentAnswer = answer;
        send(new SignalLine("SENT", 0, ""));
        return answer.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        send(new SignalLine("QUIT", 0, ""));
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
