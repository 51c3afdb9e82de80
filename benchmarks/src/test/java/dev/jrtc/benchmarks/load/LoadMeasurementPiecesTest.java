package dev.jrtc.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The load harness's own measuring parts: percentiles, frame stamps and signalling lines. */
class LoadMeasurementPiecesTest {

    @Test
    void percentilesAreUpperBucketEdgesOfTheNearestRank() {
        LatencyHistogram h = new LatencyHistogram();
        assertTrue(Double.isNaN(h.percentileMillis(50)));
        for (int i = 1; i <= 100; i++) {
            h.record(i * 100_000L); // 0.1 ms .. 10 ms
        }
        assertEquals(100, h.count());
        assertEquals(5.01, h.percentileMillis(50), 1e-9);
        assertEquals(9.91, h.percentileMillis(99), 1e-9);
        h.record(60_000_000_000L); // a minute: clamped into the last bucket, still counted
        assertEquals(10_000.0, h.percentileMillis(100), 1e-9);
        h.reset();
        assertEquals(0, h.count());
    }

    @Test
    void framesCarryTheirIndexAndStampAndKeyFramesComeEverySecond() {
        byte[] key = LoadFrames.frame(200, 123_456_789L);
        byte[] delta = LoadFrames.frame(201, -5L);
        assertEquals(LoadFrames.FRAME_BYTES, key.length);
        assertEquals(0, key[0] & 1, "P bit clear on a key frame");
        assertEquals(1, delta[0] & 1, "P bit set on an inter frame");
        assertEquals(200, LoadFrames.index(key));
        assertEquals(123_456_789L, LoadFrames.sentNanos(key));
        assertEquals(201, LoadFrames.index(delta));
        assertEquals(-5L, LoadFrames.sentNanos(delta));
    }

    @Test
    void signalLinesSurviveTheRoundTripIncludingNewlinesInThePayload() {
        SignalLine cand = new SignalLine("CAND", 42, "0\n0\ncandidate:1 1 udp 2130706431 127.0.0.1 5000 typ host");
        assertEquals(cand, SignalLine.parse(cand.format()));
        assertEquals(1, cand.format().lines().count());
        SignalLine start = new SignalLine("START", 7, "");
        assertEquals("START 7", start.format());
        assertEquals(start, SignalLine.parse("START 7"));
    }

    @Test
    void loopThreadCpuIsCountedApartFromOtherThreads() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task")));
        ThreadCpu before = ThreadCpu.now();
        java.util.concurrent.CountDownLatch spun = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch measured = new java.util.concurrent.CountDownLatch(1);
        Thread loop = new Thread(() -> {
            long end = System.nanoTime() + 300_000_000L;
            long x = 0;
            while (System.nanoTime() < end) {
                x += System.nanoTime() % 7;
            }
            spun.countDown();
            try {
                measured.await(); // a thread's times leave /proc with the thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (x == 42) {
                System.out.println(x);
            }
        }, "jrtc-loop-test");
        loop.start();
        spun.await();
        ThreadCpu spent = ThreadCpu.now().since(before);
        measured.countDown();
        loop.join();
        // /proc counts in 10 ms ticks: 300 ms of spinning shows as well over 100 ms of loop CPU.
        assertTrue(spent.loopUserNanos() + spent.loopSystemNanos() >= 100_000_000L, spent.toString());
    }

    @Test
    void everyLoadStepRowHasOneCellPerColumn() {
        LoadStep s = new LoadStep(500, 0.59, 0.66, 25934, 27045, 25930, 14.5, 4.4, 0.07, 0.01, 0.010, 0.027, 3.8, 81.6, 6, 26, 89,
                432, 15, 270617, 270617, 270617, 0, 0, 0, 0, 0, "");
        assertEquals(LoadStep.csvHeader().split(",", -1).length, s.csv().split(",", -1).length);
        String header = LoadStep.markdownHeader().lines().findFirst().orElseThrow();
        assertEquals(header.split("\\|", -1).length, s.markdown().split("\\|", -1).length);
        assertEquals(21.8, s.cpuMicrosPerPacket(), 0.05, "0.59 cores over 27,045 packets/s");
    }
}
