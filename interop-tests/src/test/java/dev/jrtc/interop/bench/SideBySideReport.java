package dev.jrtc.interop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The numbers of {@link JrtcVsAiortcSideBySideIT} as the Markdown that goes into BENCHMARKS.md. */
final class SideBySideReport {

    /** Setup times of one receiver, in milliseconds. */
    static final class Setup {
        private final List<Double> answerer = new ArrayList<>();
        private final List<Double> chromium = new ArrayList<>();

        void add(double answererMs, double chromiumMs) {
            answerer.add(answererMs);
            chromium.add(chromiumMs);
        }
    }

    /** One measured receiving window: what changed over {@code seconds}. */
    record Receiving(String name, SideBySideReceiver.Usage delta, double seconds, int width, int height) {
        double cpuPerSecond() {
            return delta.cpuSeconds() / seconds;
        }
    }

    private final int runs;
    private final int kbps;
    private final boolean decode;
    private final double[] idle;
    private final Setup jrtc;
    private final Setup aiortc;
    private final Receiving jrtcReceiving;
    private final Receiving aiortcReceiving;

    SideBySideReport(int runs, int kbps, boolean decode, Setup jrtc, Setup aiortc, double[] idle, Receiving jrtcReceiving,
            Receiving aiortcReceiving) {
        this.runs = runs;
        this.kbps = kbps;
        this.decode = decode;
        this.idle = idle.clone();
        this.jrtc = jrtc;
        this.aiortc = aiortc;
        this.jrtcReceiving = jrtcReceiving;
        this.aiortcReceiving = aiortcReceiving;
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Run %s on %d cores (%s), JDK %s, aiortc 1.4 on %s.%n%n",
                LocalDate.now(ZoneOffset.UTC), Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.version"), "/usr/bin/python3"));
        b.append(String.format(Locale.ROOT,
                "Setup time, Chromium's camera offer answered by each, %d runs each, alternating "
                        + "(median, min-max, ms):%n%n", runs));
        b.append("| measured | jrtc | aiortc | aiortc / jrtc |\n|---|---|---|---|\n");
        setupRow(b, "answerer: offer received -> answerer `connected`", jrtc.answerer, aiortc.answerer);
        setupRow(b, "Chromium: `createOffer()` -> Chromium `connected` (with HTTP polling)", jrtc.chromium,
                aiortc.chromium);
        b.append(String.format(Locale.ROOT, "%nOne received stream (Chromium fake camera, VP8 pinned to %d kbit/s), %s, over %.1f s "
                + "after a warm-up; CPU = user + system time of the receiver's process:%n%n", kbps,
                decode ? "decoded by each receiver's own VP8 decoder" : "depacketized, not decoded",
                jrtcReceiving.seconds()));
        b.append("| measured | jrtc | aiortc | aiortc / jrtc |\n|---|---|---|---|\n");
        row(b, "CPU seconds per second of media", "%.4f", jrtcReceiving.cpuPerSecond(), aiortcReceiving.cpuPerSecond());
        row(b, "same, net of the idle process (no connection open)", "%.4f", jrtcReceiving.cpuPerSecond() - idle[0],
                aiortcReceiving.cpuPerSecond() - idle[1]);
        row(b, "idle process, CPU seconds per second", "%.4f", idle[0], idle[1]);
        row(b, "frames per second received", "%.1f", perSecond(jrtcReceiving, jrtcReceiving.delta().frames()),
                perSecond(aiortcReceiving, aiortcReceiving.delta().frames()));
        row(b, "kbit/s of frames received", "%.0f", perSecond(jrtcReceiving, jrtcReceiving.delta().bytes() * 8) / 1000,
                perSecond(aiortcReceiving, aiortcReceiving.delta().bytes() * 8) / 1000);
        if (decode) {
            row(b, "pictures decoded per second", "%.1f", perSecond(jrtcReceiving, jrtcReceiving.delta().pictures()),
                    perSecond(aiortcReceiving, aiortcReceiving.delta().pictures()));
            b.append(String.format(Locale.ROOT, "| decoded size | %dx%d | %dx%d | |%n", jrtcReceiving.width(),
                    jrtcReceiving.height(), aiortcReceiving.width(), aiortcReceiving.height()));
        }
        b.append(String.format(Locale.ROOT, "%nAll setup samples (ms):%n%n- jrtc answerer: %s%n- aiortc answerer: %s%n"
                + "- Chromium with jrtc: %s%n- Chromium with aiortc: %s%n", rounded(jrtc.answerer),
                rounded(aiortc.answerer), rounded(jrtc.chromium), rounded(aiortc.chromium)));
        return b.toString();
    }

    private static void setupRow(StringBuilder b, String what, List<Double> j, List<Double> a) {
        double[] js = sorted(j);
        double[] as = sorted(a);
        b.append(String.format(Locale.ROOT, "| %s | %.1f (%.1f-%.1f) | %.1f (%.1f-%.1f) | %.2f |%n", what, median(js),
                js[0], js[js.length - 1], median(as), as[0], as[as.length - 1], median(as) / median(js)));
    }

    private static void row(StringBuilder b, String what, String format, double j, double a) {
        b.append(String.format(Locale.ROOT, "| %s | " + format + " | " + format + " | %.2f |%n", what, j, a, a / j));
    }

    private static double perSecond(Receiving r, long count) {
        return count / r.seconds();
    }

    private static double[] sorted(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return s;
    }

    private static double median(double[] s) {
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String rounded(List<Double> v) {
        return v.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList().toString();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
