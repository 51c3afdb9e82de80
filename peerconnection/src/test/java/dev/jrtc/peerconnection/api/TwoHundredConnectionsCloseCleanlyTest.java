package dev.jrtc.peerconnection.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.engine.ConnectionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Opens 200 connections (100 connected loopback pairs, a few at a time), closes them all, and
 * checks that the live threads and the open file descriptors ({@code /proc/self/fd}) are back
 * to where they were: {@code close()} releases every socket, selector, timer and thread. The
 * shared event loops ({@code jrtc-loop-*}) are process-wide and stay, but never more than one per core.
 */
class TwoHundredConnectionsCloseCleanlyTest {
    private static final int PAIRS = Integer.getInteger("jrtc.pc.closeTest.pairs", 100);
    private static final int AT_ONCE = 5;
    private static final Set<String> JVM_WIDE_NETTY_THREADS = Set.of("globalEventExecutor", "ObjectCleanerThread");
    private static final String SHARED_LOOP_PREFIX = "jrtc-loop-";

    @Test
    void threadsAndFileDescriptorsReturnToBaseline() throws Exception {
        // Warm up: class loading opens jars once, Netty starts its JVM-wide helpers once.
        runBatch(1);
        settle();
        List<String> threadsBefore = threadNames();
        long fdsBefore = openFileDescriptors();

        int connected = 0;
        for (int done = 0; done < PAIRS; done += AT_ONCE) {
            connected += runBatch(Math.min(AT_ONCE, PAIRS - done));
        }
        assertEquals(2 * PAIRS, connected);

        List<String> threadsAfter = List.of();
        long fdsAfter = -1;
        for (int i = 0; i < 100; i++) {
            threadsAfter = threadNames();
            fdsAfter = openFileDescriptors();
            if (threadsAfter.size() <= threadsBefore.size() && fdsAfter <= fdsBefore) {
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(threadsAfter.size() <= threadsBefore.size(),
                "threads before " + threadsBefore + ", after " + threadsAfter);
        assertTrue(fdsAfter <= fdsBefore, "open file descriptors: " + fdsBefore + " before, " + fdsAfter + " after");
        long sharedLoops = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(SHARED_LOOP_PREFIX)).count();
        assertTrue(sharedLoops <= Runtime.getRuntime().availableProcessors(),
                sharedLoops + " shared loop threads for " + Runtime.getRuntime().availableProcessors() + " cores");
    }

    /** Connects {@code pairs} pairs at once, checks each is connected, closes them; returns how many connections connected. */
    private static int runBatch(int pairs) throws Exception {
        List<RTCPeerConnection> all = new ArrayList<>();
        try {
            List<Thread> connectors = new ArrayList<>();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < pairs; i++) {
                RTCPeerConnection a = new RTCPeerConnection(RTCConfiguration.loopback());
                RTCPeerConnection b = new RTCPeerConnection(RTCConfiguration.loopback());
                all.add(a);
                all.add(b);
                a.createDataChannel("x");
                Thread t = new Thread(() -> {
                    try {
                        Signalling.connect(a, b);
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                t.start();
                connectors.add(t);
            }
            for (Thread t : connectors) {
                t.join(30_000);
            }
            if (!errors.isEmpty()) {
                throw new AssertionError("a pair did not connect", errors.get(0));
            }
            return (int) all.stream().filter(pc -> pc.connectionState() == ConnectionState.CONNECTED).count();
        } finally {
            for (RTCPeerConnection pc : all) {
                pc.close();
            }
        }
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(200);
    }

    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> !JVM_WIDE_NETTY_THREADS.contains(n) && !n.startsWith(SHARED_LOOP_PREFIX)).sorted().toList();
    }

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
