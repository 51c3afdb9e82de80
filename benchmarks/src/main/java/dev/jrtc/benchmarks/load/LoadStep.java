package dev.jrtc.benchmarks.load;

import java.util.Locale;

/**
 * One step of the ramp, as measured over its window.
 *
 * @param connections receiving connections open and streaming
 * @param cpuCores this process's CPU time over the window divided by wall time (2.0 = both cores)
 * @param senderCpuCores the same for the sender process (it shares the machine)
 * @param senderPacketsPerSecond packets the sender process's engines accepted per second (one packet per frame)
 * @param rtpReadPerSecond RTP datagrams our sockets read per second (retransmissions included); every one of them
 *     is processed when {@link #lostInProcess()} is 0
 * @param framesPerSecond frames our tracks delivered per second, to compare with the sender's rate
 * @param loopUserMicrosPerPacket user CPU of the connection loop threads per RTP packet read (µs)
 * @param loopKernelMicrosPerPacket kernel CPU of the same threads per RTP packet read (µs: system calls)
 * @param jitCores CPU of the JIT compiler threads over the window (warm-up, not the receive path)
 * @param gcCores CPU of the GC threads over the window
 * @param processingP50Millis added latency, median: socket read to the packet handed to the jitter buffer
 * @param processingP99Millis the same, 99th percentile
 * @param endToEndP50Millis end-to-end frame latency, median: sender's stamp to {@code onframe}, including
 *     the sender, the kernel and the jitter buffer's intentional hold
 * @param endToEndP99Millis the same, 99th percentile
 * @param gcPauses stop-the-world pauses in the window
 * @param gcPauseP99Millis their 99th percentile
 * @param heapMib heap in use after a full GC at the end of the window
 * @param rssMib resident set size at the end of the window
 * @param threads live threads in this process
 * @param packetsSent packets the sender's engines accepted in the window
 * @param rtpRead RTP datagrams our sockets read, summed over each connection's interval between two samples
 *     of its engine's counters (a pass over all of them takes seconds at thousands of connections, so these
 *     counts are exact per connection but not a rate)
 * @param rtpProcessed RTP packets our engines decrypted and handed on over the same intervals (retransmissions included)
 * @param droppedCounted RTP/SRTP our engines dropped and counted over the same intervals (auth, replay, early, unroutable)
 * @param framesMissing gaps in the frame indexes seen by the receiving connections (anywhere on the path)
 * @param kernelDropsOurSockets datagrams the kernel dropped on our own receiving sockets in the window
 * @param kernelRcvbufErrors UDP receive-buffer overflows machine-wide in the window ({@code /proc/net/snmp})
 * @param kernelInErrors UDP input errors machine-wide in the window (they include the overflows)
 * @param limit why the ramp stopped here, or empty
 */
record LoadStep(int connections, double cpuCores, double senderCpuCores, double senderPacketsPerSecond,
        double rtpReadPerSecond, double framesPerSecond, double loopUserMicrosPerPacket, double loopKernelMicrosPerPacket, double jitCores,
        double gcCores, double processingP50Millis, double processingP99Millis, double endToEndP50Millis,
        double endToEndP99Millis, int gcPauses, long gcPauseP99Millis, double heapMib, double rssMib, int threads,
        long packetsSent, long rtpRead, long rtpProcessed, long droppedCounted, long framesMissing, long kernelDropsOurSockets, long kernelRcvbufErrors,
        long kernelInErrors, String limit) {

    /** The whole process's CPU per RTP packet read, in µs (loops, JIT, GC and the harness itself). */
    double cpuMicrosPerPacket() {
        return cpuCores * 1e6 / rtpReadPerSecond;
    }

    /** RTP datagrams read from our sockets but never handed on: lost inside our process. */
    long lostInProcess() {
        return rtpRead - rtpProcessed;
    }

    static LoadStep failed(int connections, int threads, String limit) {
        return new LoadStep(connections, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, 0, 0, Double.NaN, Double.NaN, threads, 0, 0, 0, 0, 0, 0, 0, 0, limit);
    }

    static String csvHeader() {
        return "connections,cpu_cores,sender_cpu_cores,sender_packets_per_s,rtp_read_per_s,frames_per_s,cpu_us_per_packet,"
                + "loop_user_us_per_packet,loop_kernel_us_per_packet,jit_cores,gc_cores,added_latency_p50_ms,"
                + "added_latency_p99_ms,end_to_end_frame_p50_ms,end_to_end_frame_p99_ms,gc_pauses,gc_pause_p99_ms,heap_mib,rss_mib,"
                + "threads,packets_sent,rtp_read_at_socket,rtp_processed,dropped_and_counted,lost_in_process,frames_missing,"
                + "kernel_drops_our_sockets,kernel_rcvbuf_errors_machine,kernel_in_errors_machine,limit";
    }

    String csv() {
        return String.format(Locale.ROOT, "%d,%.3f,%.3f,%.0f,%.0f,%.0f,%.2f,%.2f,%.2f,%.3f,%.3f,%.3f,%.3f,%.2f,%.2f,%d,%d,%.1f,%.1f,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%s",
                connections, cpuCores, senderCpuCores, senderPacketsPerSecond, rtpReadPerSecond, framesPerSecond, cpuMicrosPerPacket(),
                loopUserMicrosPerPacket, loopKernelMicrosPerPacket, jitCores, gcCores, processingP50Millis,
                processingP99Millis, endToEndP50Millis, endToEndP99Millis, gcPauses, gcPauseP99Millis, heapMib, rssMib, threads,
                packetsSent, rtpRead, rtpProcessed, droppedCounted, lostInProcess(), framesMissing, kernelDropsOurSockets,
                kernelRcvbufErrors, kernelInErrors, limit);
    }

    static String markdownHeader() {
        return "| connections | CPU (cores) | sender CPU (cores) | sender media packets/s | RTP read/s (incl. RTX) | frames delivered/s "
                + "| CPU µs per RTP packet | loops user µs/packet | loops kernel µs/packet | JIT cores | GC cores "
                + "| added latency p50 ms | added latency p99 ms | end-to-end frame p50 ms | end-to-end frame p99 ms "
                + "| GC pauses | GC pause p99 ms | heap MiB | RSS MiB | threads | RTP read at socket | RTP processed "
                + "| lost in process | dropped and counted | frames missing | kernel drops, our sockets | kernel RcvbufErrors, machine | kernel InErrors, machine | limit |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";
    }

    String markdown() {
        return String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.0f | %.0f | %.0f | %.1f | %.1f | %.1f | %.2f | %.2f | %.3f | %.3f | %.1f | %.1f "
                + "| %d | %d | %.0f | %.0f | %d | %d | %d | %d | %d | %d | %d | %d | %d | %s |",
                connections, cpuCores, senderCpuCores, senderPacketsPerSecond, rtpReadPerSecond, framesPerSecond, cpuMicrosPerPacket(),
                loopUserMicrosPerPacket, loopKernelMicrosPerPacket, jitCores, gcCores, processingP50Millis,
                processingP99Millis, endToEndP50Millis, endToEndP99Millis, gcPauses, gcPauseP99Millis, heapMib, rssMib, threads,
                rtpRead, rtpProcessed, lostInProcess(), droppedCounted, framesMissing, kernelDropsOurSockets, kernelRcvbufErrors, kernelInErrors,
                limit);
    }
}
