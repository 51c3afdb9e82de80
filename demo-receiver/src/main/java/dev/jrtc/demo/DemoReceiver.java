package dev.jrtc.demo;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The demo receiver's entry point: {@code java -jar demo-receiver.jar [--port 8080] ...}. Starts
 * the HTTP server, prints its address and a short guide, and runs until interrupted.
 */
public final class DemoReceiver {
    private DemoReceiver() {
    }

    /** Starts the demo; see {@link DemoOptions#USAGE}. */
    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(DemoOptions.USAGE);
            return;
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("demo-receiver: " + e.getMessage());
            System.err.println(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        configureLogging(options.verbose());
        Demo demo;
        try {
            demo = Demo.start(options);
        } catch (IllegalStateException e) {
            System.err.println("demo-receiver: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stopped.countDown();
        }, "demo-shutdown"));
        System.out.println(guide(options, demo.httpAddress()));
        stopped.await();
    }

    /** Quiet by default: one line per session event from the demo, warnings from the rest. */
    private static void configureLogging(boolean verbose) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.dev.jrtc.demo", verbose ? "debug" : "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    static String guide(DemoOptions options, InetSocketAddress bound) {
        String host = bound.getAddress().isAnyLocalAddress() ? "localhost" : bound.getAddress().getHostAddress();
        String base = "http://" + host + ":" + bound.getPort();
        StringBuilder b = new StringBuilder();
        b.append("jrtc demo receiver is listening on ").append(base).append('\n');
        b.append("  1. Open ").append(base).append("/ in Chrome or Firefox, allow the camera, press Start.\n");
        b.append("     The right-hand picture is what Java decodes; statistics and a chat sit below.\n");
        b.append("     \"Receive\" mode plays jrtc's test pattern and tone instead.\n");
        b.append("  2. Tools: WHIP ingest  POST ").append(base).append("/whip  (application/sdp)\n");
        b.append("            WHEP play    POST ").append(base).append("/whep\n");
        b.append("            sessions     GET  ").append(base).append("/api/sessions\n");
        options.token().ifPresent(t -> b.append("     WHIP and WHEP need: Authorization: Bearer <the --token>\n"));
        options.recordDirectory().ifPresent(d -> b.append("  Recording each session to ").append(d.toAbsolutePath())
                .append(options.recordCombined() ? " (video and audio in one .webm or .mkv)" : "").append('\n'));
        b.append("Ctrl-C stops it.");
        return b.toString();
    }
}
