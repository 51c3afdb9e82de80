package dev.jrtc.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads by role, user and kernel apart, from {@code /proc/self/task/*\/stat}
 * (Linux; zeros elsewhere): the connection loops (socket reads, the engines, timers, sends), the JIT
 * compilers, and the garbage collector. It splits what one received packet costs into the loops'
 * Java and system-call time, and says how much of the process's CPU is warm-up or GC rather than the
 * receive path itself. A thread that ends between two snapshots drops out of the second (its times leave
 * {@code /proc} with it); the loops and the JVM's own threads live for the whole run.
 *
 * @param loopUserNanos user time of the {@code jrtc-loop-*} threads
 * @param loopSystemNanos kernel time of the same threads (recvfrom, sendto, epoll, timers)
 * @param jitNanos user + kernel time of the C1/C2 compiler threads
 * @param gcNanos user + kernel time of the GC threads (G1's workers, refinement, service)
 */
record ThreadCpu(long loopUserNanos, long loopSystemNanos, long jitNanos, long gcNanos) {
    /** The clock tick of {@code /proc} times; 100 on every Linux this runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static ThreadCpu now() {
        long[] sums = new long[4];
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> add(t.resolve("stat"), sums));
        } catch (IOException | RuntimeException e) {
            return new ThreadCpu(0, 0, 0, 0);
        }
        return new ThreadCpu(sums[0], sums[1], sums[2], sums[3]);
    }

    private static void add(Path stat, long[] sums) {
        String s;
        try {
            s = Files.readString(stat);
        } catch (IOException e) {
            return; // the thread ended
        }
        String name = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        long user = Long.parseLong(f[11]) * NANOS_PER_TICK;
        long system = Long.parseLong(f[12]) * NANOS_PER_TICK;
        if (name.startsWith("jrtc-loop")) {
            sums[0] += user;
            sums[1] += system;
        } else if (name.contains("CompilerThre")) {
            sums[2] += user + system;
        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            sums[3] += user + system;
        }
    }

    /** This minus an earlier snapshot. */
    ThreadCpu since(ThreadCpu earlier) {
        return new ThreadCpu(loopUserNanos - earlier.loopUserNanos, loopSystemNanos - earlier.loopSystemNanos,
                jitNanos - earlier.jitNanos, gcNanos - earlier.gcNanos);
    }
}
