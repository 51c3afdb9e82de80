package dev.jrtc.benchmarks.engine;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The current thread's CPU time and allocation from {@link #start()} on. Unlike wall time, thread CPU
 * time leaves out the time the thread waited for a core, so it holds on a shared machine, and the
 * allocation counter shows what one operation allocates without JMH's set-up in it.
 */
final class ThreadCost {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private long cpuAtStart;
    private long allocatedAtStart;

    /** Starts counting on the calling thread. */
    void start() {
        cpuAtStart = THREADS.getCurrentThreadCpuTime();
        allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
    }

    /**
     * @param units how many operations ran on this thread since {@link #start()}
     * @return their cost per operation
     */
    PerUnit perUnit(long units) {
        return new PerUnit((THREADS.getCurrentThreadCpuTime() - cpuAtStart) / (double) units,
                (THREADS.getCurrentThreadAllocatedBytes() - allocatedAtStart) / (double) units);
    }

    /**
     * @param cpuNanos thread CPU time per operation
     * @param allocatedBytes bytes allocated per operation
     */
    record PerUnit(double cpuNanos, double allocatedBytes) {
        /** @return e.g. {@code "send path: 6613 B allocated, 4780 ns thread CPU per frame"} */
        String describe(String path, String unit) {
            return String.format(Locale.ROOT, "%s: %.0f B allocated, %.0f ns thread CPU per %s", path, allocatedBytes,
                    cpuNanos, unit);
        }
    }
}
