package dev.jrtc.benchmarks.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The soak's pass rules over the minute samples.
 *
 * <p>Windows: minutes 0 and 1 are warm-up and never compared (the RTP send histories for
 * retransmission fill in the first ~100 s at 10 fps, and idle DTLS handshake threads end after 60 s).
 * For runs of 12 minutes or more the <em>baseline</em> is the samples of minutes 3–7 and the
 * <em>final</em> window the last 5 minutes; shorter (validation) runs split the samples from minute 2
 * on into a first and a second half. Rules: the median heap after GC of the final window is within 10% of the baseline
 * median; the medians of live threads and of open file descriptors differ by at most 2.
 */
final class SoakVerdict {
    static final double HEAP_TOLERANCE = 0.10;
    static final int COUNT_TOLERANCE = 2;

    /** One checked rule and what was measured. */
    record Check(String rule, String measured, boolean passed) {
    }

    private final List<Check> checks = new ArrayList<>();

    void add(String rule, String measured, boolean passed) {
        checks.add(new Check(rule, measured, passed));
    }

    List<Check> checks() {
        return checks;
    }

    boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** Adds the heap, thread and fd flatness checks. */
    void checkFlat(List<SoakSample> samples) {
        List<SoakSample> after = samples.stream().filter(s -> s.minute() >= 2).toList();
        if (after.size() < 2) {
            add("at least two minute samples", after.size() + "", false);
            return;
        }
        List<SoakSample> baseline;
        List<SoakSample> last;
        String windows;
        if (after.size() >= 11) {
            baseline = after.stream().filter(s -> s.minute() >= 3 && s.minute() <= 7).toList();
            last = after.subList(after.size() - 5, after.size());
            windows = "minutes 3-7 vs last 5";
        } else {
            int half = (after.size() + 1) / 2;
            baseline = after.subList(0, half);
            last = after.subList(half, after.size());
            windows = "first vs second half (short run)";
        }
        long heap0 = median(baseline, SoakSample::heapAfterGc);
        long heap1 = median(last, SoakSample::heapAfterGc);
        double change = (heap1 - heap0) / (double) heap0;
        add("heap after GC flat within 10% (" + windows + ")",
                String.format(Locale.ROOT, "%.1f MB -> %.1f MB (%+.1f%%)", heap0 / 1e6, heap1 / 1e6, change * 100),
                Math.abs(change) <= HEAP_TOLERANCE);
        countFlat("live threads", baseline, last, windows, SoakSample::threads);
        countFlat("open file descriptors", baseline, last, windows, SoakSample::fds);
    }

    private void countFlat(String what, List<SoakSample> baseline, List<SoakSample> last, String windows,
            ToLongFunction<SoakSample> gauge) {
        long a = median(baseline, gauge);
        long b = median(last, gauge);
        add(what + " flat within +-" + COUNT_TOLERANCE + " (" + windows + ")", a + " -> " + b,
                Math.abs(b - a) <= COUNT_TOLERANCE && a >= 0);
    }

    static long median(List<SoakSample> samples, ToLongFunction<SoakSample> gauge) {
        long[] v = samples.stream().mapToLong(gauge).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String table(List<SoakSample> samples) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "| %6s | %12s | %7s | %5s | %13s | %13s | %11s | %11s | %9s |%n",
                "minute", "heap GC (MB)", "threads", "fds", "msgs sent", "msgs received", "frames sent",
                "frames recv", "connected"));
        b.append("|-------:|-------------:|--------:|------:|--------------:|--------------:|------------:|------------:|----------:|\n");
        for (SoakSample s : samples) {
            b.append(String.format(Locale.ROOT, "| %6d | %12.1f | %7d | %5d | %13d | %13d | %11d | %11d | %9d |%n",
                    s.minute(), s.heapAfterGc() / 1e6, s.threads(), s.fds(), s.messagesSent(), s.messagesReceived(),
                    s.framesSent(), s.framesReceived(), s.connectedPairs()));
        }
        return b.toString();
    }

    String checksTable() {
        StringBuilder b = new StringBuilder("| check | measured | result |\n|---|---|---|\n");
        for (Check c : checks) {
            b.append("| ").append(c.rule()).append(" | ").append(c.measured()).append(" | ")
                    .append(c.passed() ? "pass" : "**FAIL**").append(" |\n");
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return Arrays.toString(checks.toArray());
    }
}
