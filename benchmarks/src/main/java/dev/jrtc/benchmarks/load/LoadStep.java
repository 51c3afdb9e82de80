package dev.jrtc.benchmarks.load;

import java.util.Locale;

/**
 * One step of the ramp, as measured over its window.
 *
 * @param connections receiving connections open and streaming
 * @param cpuCores this process's CPU time over the window divided by wall time (2.0 = both cores)
 * @param senderCpuCores the same for the sender process (it shares the machine)
 * @param packetsPerSecond frames (= packets) out of {@code onframe} per second
 * @param latencyP50Millis sender stamp to {@code onframe}, median
 * @param latencyP99Millis the same, 99th percentile
 * @param gcPauses stop-the-world pauses in the window
 * @param gcPauseP99Millis their 99th percentile
 * @param heapMib heap in use after a full GC at the end of the window
 * @param rssMib resident set size at the end of the window
 * @param threads live threads in this process
 * @param framesSent frames the sender handed to its stack in the window
 * @param framesReceived frames out of {@code onframe} in the window
 * @param framesMissing gaps in the frame indexes seen by the receiving connections
 * @param kernelDrops UDP datagrams the kernel dropped machine-wide in the window
 * @param limit why the ramp stopped here, or empty
 */
record LoadStep(int connections, double cpuCores, double senderCpuCores, double packetsPerSecond, double latencyP50Millis,
        double latencyP99Millis, int gcPauses, long gcPauseP99Millis, double heapMib, double rssMib, int threads,
        long framesSent, long framesReceived, long framesMissing, long kernelDrops, String limit) {

    /** Missing frames the kernel does not account for: lost inside the two processes. */
    long lostInProcess() {
        return Math.max(0, framesMissing - kernelDrops);
    }

    static String csvHeader() {
        return "connections,cpu_cores,sender_cpu_cores,packets_per_s,latency_p50_ms,latency_p99_ms,gc_pauses,gc_pause_p99_ms,"
                + "heap_mib,rss_mib,threads,frames_sent,frames_received,frames_missing,kernel_udp_drops,lost_in_process,limit";
    }

    String csv() {
        return String.format(Locale.ROOT, "%d,%.3f,%.3f,%.0f,%.2f,%.2f,%d,%d,%.1f,%.1f,%d,%d,%d,%d,%d,%d,%s", connections,
                cpuCores, senderCpuCores, packetsPerSecond, latencyP50Millis, latencyP99Millis, gcPauses, gcPauseP99Millis, heapMib,
                rssMib, threads, framesSent, framesReceived, framesMissing, kernelDrops, lostInProcess(), limit);
    }

    static String markdownHeader() {
        return "| connections | CPU (cores) | sender CPU (cores) | packets/s | latency p50 ms | latency p99 ms | GC pauses | GC pause p99 ms "
                + "| heap MiB | RSS MiB | threads | frames sent | frames received | frames missing | kernel UDP drops | lost in process | limit |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";
    }

    String markdown() {
        return String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.0f | %.2f | %.2f | %d | %d | %.0f | %.0f | %d | %d | %d | %d | %d | %d | %s |",
                connections, cpuCores, senderCpuCores, packetsPerSecond, latencyP50Millis, latencyP99Millis, gcPauses, gcPauseP99Millis,
                heapMib, rssMib, threads, framesSent, framesReceived, framesMissing, kernelDrops, lostInProcess(), limit.isEmpty() ? "" : limit);
    }
}
