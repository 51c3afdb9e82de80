package dev.jrtc.interop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.Aiortc;
import dev.jrtc.interop.HeadlessChromium;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.interop.MeasuredAtNettysDefaultLeakDetection;
import dev.jrtc.interop.pc.JrtcPeer;
import dev.jrtc.interop.pc.PageMessages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A measurement for BENCHMARKS.md, not a speed goal: jrtc and aiortc 1.4 side by side, in the same
 * run, each answering the same headless Chromium that offers its fake camera (VP8, 640x480) from
 * {@code side-by-side.html}.
 *
 * <ol>
 *   <li>Setup time: {@code -Djrtc.interop.sideBySide.runs=N} connections to each (default 15, after
 *       {@code ...warmup=N} unrecorded ones, default 2), alternating which goes first; the answerer's
 *       own time from receiving the offer to {@code connected}, and Chromium's from {@code createOffer()}
 *       to its {@code connected} (which adds the HTTP polling that carries the descriptions).</li>
 *   <li>CPU per received stream: one connection to each, held for {@code ...receiveSeconds} (default
 *       15) after {@code ...receiveWarmupSeconds} (default 3), with Chromium's VP8 bitrate pinned to
 *       {@code ...kbps} (default 1000) so that both get the same stream; the process CPU time (user + system) of
 *       the receiver's process over that window, per second. Nothing is decoded unless
 *       {@code -Djrtc.interop.sideBySide.decode=true}, then both decode with their own VP8 decoder.</li>
 * </ol>
 *
 * Before that, both processes' CPU is measured with no connection open for {@code ...idleSeconds}
 * (default 5), so
 * the table can show the receiving cost net of what the idle JVM (test server, polling page) and the
 * idle aiortc process spend. The test asserts that every connection connected and that both receivers got frames; the table
 * goes to {@code target/side-by-side.md}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@ExtendWith(MeasuredAtNettysDefaultLeakDetection.class)
class JrtcVsAiortcSideBySideIT {
    private static final int RUNS = Integer.getInteger("jrtc.interop.sideBySide.runs", 15);
    private static final int WARMUP = Integer.getInteger("jrtc.interop.sideBySide.warmup", 2);
    private static final Duration RECEIVE = Duration.ofSeconds(Integer.getInteger("jrtc.interop.sideBySide.receiveSeconds", 15));
    private static final Duration RECEIVE_WARMUP =
            Duration.ofSeconds(Integer.getInteger("jrtc.interop.sideBySide.receiveWarmupSeconds", 3));
    private static final Duration IDLE = Duration.ofSeconds(Integer.getInteger("jrtc.interop.sideBySide.idleSeconds", 5));
    private static final int KBPS = Integer.getInteger("jrtc.interop.sideBySide.kbps", 1000);
    private static final boolean DECODE = Boolean.getBoolean("jrtc.interop.sideBySide.decode");
    private static final Duration MESSAGE = Duration.ofSeconds(30);

    @Test
    void jrtcAndAiortcAnswerTheSameChromiumCamera() throws Exception {
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(server.pageUri("side-by-side.html", "kbps=" + KBPS),
                        HeadlessChromium.Media.FAKE_DEVICES);
                Aiortc aiortc = Aiortc.run("aiortc_side_by_side.py")) {
            Supplier<String> log = () -> "--- Chromium:\n" + chromium.logTail() + "\n--- aiortc:\n" + aiortc.logTail();
            ChromiumOffers page = new ChromiumOffers(server, log);
            List<SideBySideReceiver.Factory> both = List.of(
                    () -> new JrtcReceiver(new JrtcPeer(JrtcPeer.onVethAndLoopback()), DECODE),
                    () -> new AiortcReceiver(aiortc, DECODE, log));

            SideBySideReport.Setup[] setup = {new SideBySideReport.Setup(), new SideBySideReport.Setup()};
            for (int i = 0; i < WARMUP + RUNS; i++) {
                for (int k = 0; k < 2; k++) {
                    int who = (i + k) % 2; // alternate which of the two goes first
                    ChromiumOffers.Connection c = page.connect(both.get(who));
                    c.close();
                    if (i >= WARMUP) {
                        setup[who].add(c.answererMillis(), c.chromiumMillis());
                    }
                }
            }

            double[] idle = idleCpuPerSecond(new AiortcReceiver(aiortc, DECODE, log), IDLE);
            List<SideBySideReport.Receiving> receiving = new ArrayList<>();
            for (SideBySideReceiver.Factory f : both) {
                ChromiumOffers.Connection c = page.connect(f);
                receiving.add(c.receive(RECEIVE_WARMUP, RECEIVE));
                JsonNode sent = c.close();
                assertEquals("video/VP8", sent.path("mimeType").asText(), "what Chromium sent: " + sent);
            }
            page.end();

            String table = new SideBySideReport(RUNS, KBPS, DECODE, setup[0], setup[1], idle, receiving.get(0), receiving.get(1))
                    .markdown();
            System.out.print(table);
            Files.writeString(Path.of("target", "side-by-side.md"), table);
            for (SideBySideReport.Receiving r : receiving) {
                assertTrue(r.delta().frames() > 0, "no frames in the measured window: " + r);
                if (DECODE) {
                    assertTrue(r.delta().pictures() > 0, "nothing decoded in the measured window: " + r);
                }
            }
        }
    }

    /**
     * CPU seconds per second of the JVM and of the aiortc process with no connection open (the page
     * idle-polls the test server meanwhile), so that the receiving figures can be read net of it.
     */
    private static double[] idleCpuPerSecond(AiortcReceiver aiortc, Duration window) throws Exception {
        double jvm = JrtcReceiver.jvmCpuSeconds();
        double python = aiortc.usage().cpuSeconds();
        long from = System.nanoTime();
        Thread.sleep(window.toMillis());
        double seconds = (System.nanoTime() - from) / 1e9;
        return new double[] {(JrtcReceiver.jvmCpuSeconds() - jvm) / seconds, (aiortc.usage().cpuSeconds() - python) / seconds};
    }

    /** The page's side of one connection after another: start, offer, answer, connected, close. */
    private static final class ChromiumOffers {
        private final LocalTestServer page;
        private final Supplier<String> log;

        ChromiumOffers(LocalTestServer page, Supplier<String> log) {
            this.page = page;
            this.log = log;
        }

        /** One Chromium offer answered by a new receiver, up to both sides connected. */
        Connection connect(SideBySideReceiver.Factory factory) throws Exception {
            SideBySideReceiver receiver = factory.create();
            try {
                page.send(Map.of("type", "start"));
                String offer = PageMessages.expect(page, "offer", MESSAGE, "chromium", log).path("sdp").asText();
                page.send(Map.of("type", "answer", "sdp", receiver.answer(offer)));
                double answererMs = receiver.awaitConnectedMillis(MESSAGE);
                double chromiumMs = PageMessages.expect(page, "connected", MESSAGE, "chromium", log).path("ms").asDouble();
                return new Connection(receiver, answererMs, chromiumMs);
            } catch (Exception | Error e) {
                receiver.close();
                throw e;
            }
        }

        void end() {
            page.send(Map.of("type", "end"));
        }

        /** A connected receiver and the two setup times. */
        final class Connection {
            private final SideBySideReceiver receiver;
            private final double answererMs;
            private final double chromiumMs;

            Connection(SideBySideReceiver receiver, double answererMs, double chromiumMs) {
                this.receiver = receiver;
                this.answererMs = answererMs;
                this.chromiumMs = chromiumMs;
            }

            double answererMillis() {
                return answererMs;
            }

            double chromiumMillis() {
                return chromiumMs;
            }

            /** Waits for the first frame and {@code warmup}, then measures what receiving costs over {@code window}. */
            SideBySideReport.Receiving receive(Duration warmup, Duration window) throws Exception {
                long end = System.nanoTime() + MESSAGE.toNanos();
                while (receiver.usage().frames() == 0) {
                    assertTrue(System.nanoTime() < end, receiver.name() + " got no frame within " + MESSAGE.toSeconds()
                            + " s\n" + log.get());
                    Thread.sleep(50);
                }
                Thread.sleep(warmup.toMillis());
                SideBySideReceiver.Usage before = receiver.usage();
                long from = System.nanoTime();
                Thread.sleep(window.toMillis());
                SideBySideReceiver.Usage after = receiver.usage();
                double seconds = (System.nanoTime() - from) / 1e9;
                return new SideBySideReport.Receiving(receiver.name(), after.minus(before), seconds, after.width(),
                        after.height());
            }

            /** Closes both sides; returns what Chromium says it sent. */
            JsonNode close() throws Exception {
                try {
                    receiver.checkAfterConnected();
                    page.send(Map.of("type", "close"));
                    return PageMessages.expect(page, "stats", MESSAGE, "chromium", log);
                } finally {
                    receiver.close();
                }
            }
        }
    }
}
