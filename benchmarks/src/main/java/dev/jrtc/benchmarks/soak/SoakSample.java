package dev.jrtc.benchmarks.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One minute's gauges of the soak process.
 *
 * @param minute minutes since the connections were made
 * @param heapAfterGc heap in use right after full collections, bytes
 * @param threads live Java threads
 * @param fds open file descriptors ({@code /proc/self/fd}), -1 without /proc
 * @param messagesSent numbered data-channel messages sent so far, both directions, all pairs
 * @param messagesReceived of those, received
 * @param framesSent video frames sent so far
 * @param framesReceived video frames received so far
 * @param connectedPairs pairs whose two connections are both {@code connected}
 */
record SoakSample(int minute, long heapAfterGc, int threads, int fds, long messagesSent, long messagesReceived,
        long framesSent, long framesReceived, int connectedPairs) {

    /** Heap after three {@code System.gc()} calls (full collections with G1 unless disabled). */
    static long heapAfterFullGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    static int openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return -1;
        }
    }
}
