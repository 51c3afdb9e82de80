package dev.jrtc.benchmarks.load;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in 10 µs buckets up to 10 s (longer ones land in the last bucket), recorded from many
 * threads without locks. Percentiles are the upper edge of the bucket holding the nearest rank.
 */
final class LatencyHistogram {
    private static final long BUCKET_NANOS = 10_000L;
    private static final int BUCKETS = 1_000_000;
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        int b = (int) Math.min(BUCKETS - 1, Math.max(0, nanos / BUCKET_NANOS));
        counts.incrementAndGet(b);
    }

    void reset() {
        for (int i = 0; i < BUCKETS; i++) {
            counts.set(i, 0);
        }
    }

    long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The {@code p}-th percentile in milliseconds, or NaN when empty. */
    double percentileMillis(double p) {
        long n = count();
        if (n == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(p / 100.0 * n);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return BUCKETS * BUCKET_NANOS / 1e6;
    }
}
