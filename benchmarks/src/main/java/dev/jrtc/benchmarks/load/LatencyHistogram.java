package dev.jrtc.benchmarks.load;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in fixed buckets (longer ones land in the last bucket), recorded from many threads
 * without locks. Percentiles are the upper edge of the bucket holding the nearest rank.
 */
final class LatencyHistogram {
    private final long bucketNanos;
    private final int buckets;
    private final AtomicLongArray counts;

    /** 10 µs buckets up to 10 s: frame latencies. */
    LatencyHistogram() {
        this(10_000L, 1_000_000);
    }

    /** {@code buckets} buckets of {@code bucketNanos}. */
    LatencyHistogram(long bucketNanos, int buckets) {
        this.bucketNanos = bucketNanos;
        this.buckets = buckets;
        counts = new AtomicLongArray(buckets);
    }

    void record(long nanos) {
        int b = (int) Math.min(buckets - 1, Math.max(0, nanos / bucketNanos));
        counts.incrementAndGet(b);
    }

    void reset() {
        for (int i = 0; i < buckets; i++) {
            counts.set(i, 0);
        }
    }

    long count() {
        long n = 0;
        for (int i = 0; i < buckets; i++) {
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
        for (int i = 0; i < buckets; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return (i + 1) * bucketNanos / 1e6;
            }
        }
        return buckets * bucketNanos / 1e6;
    }
}
