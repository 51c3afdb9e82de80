package dev.jrtc.benchmarks.load;

/**
 * The sender process's counters at one instant.
 *
 * @param frames frames its engines accepted so far (one packet each)
 * @param cpuNanos the sender process's CPU time so far
 * @param nanos the instant, as the sender's {@link System#nanoTime()}: on Linux that is the machine's
 *     monotonic clock, shared by both processes, so the harness can set it against its own samples
 */
record SenderSample(long frames, long cpuNanos, long nanos) {

    /** Frames per second between two samples. */
    double framesPerSecondSince(SenderSample earlier) {
        return (frames - earlier.frames) * 1e9 / (nanos - earlier.nanos);
    }

    /** CPU cores the sender used between two samples. */
    double coresSince(SenderSample earlier) {
        return (cpuNanos - earlier.cpuNanos) / (double) (nanos - earlier.nanos);
    }
}
