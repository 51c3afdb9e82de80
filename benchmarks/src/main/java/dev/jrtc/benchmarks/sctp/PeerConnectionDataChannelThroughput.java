package dev.jrtc.benchmarks.sctp;

import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCDataChannel;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.netty.KernelUdpCounters;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Data-channel throughput through two real {@link RTCPeerConnection}s on 127.0.0.1: ICE, DTLS,
 * SCTP and the Netty UDP edge, one reliable ordered channel, 64 KiB messages, the sender kept at
 * most 8 MiB ahead through {@code bufferedAmount} / {@code onbufferedamountlow} as an application
 * would. Each round sends {@code mb} MB and is timed from the first byte received to the last; the
 * process CPU time of the round is reported too (Mbit per CPU-second), which stays meaningful
 * when other work shares the cores, and so are the UDP datagrams sent per MB and the kernel's
 * receive-buffer drops ({@link KernelUdpCounters}; clean only when nothing else in the network namespace
 * sends UDP).
 * Then {@code pairs} more connected pairs with one open channel each are made and the heap after
 * full GCs is divided by the connections.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.jrtc.benchmarks.sctp.PeerConnectionDataChannelThroughput [mb] [rounds] [pairs]}
 * (defaults 200, 5, 20).
 */
public final class PeerConnectionDataChannelThroughput {
    private static final int MESSAGE = 64 * 1024;
    private static final long HIGH_WATER = 8L << 20;
    private static final long LOW_WATER = 2L << 20;

    private PeerConnectionDataChannelThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long mb = args.length > 0 ? Long.parseLong(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        long total = mb * 1_000_000L / MESSAGE * MESSAGE;

        Pair p = Pair.connect("bulk");
        double[] mbits = new double[rounds];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try {
            for (int r = 0; r < rounds; r++) {
                long cpuBefore = os.getProcessCpuTime();
                KernelUdpCounters udpBefore = KernelUdpCounters.read();
                long nanos = p.transfer(total);
                long cpu = os.getProcessCpuTime() - cpuBefore;
                KernelUdpCounters udp = KernelUdpCounters.read().minus(udpBefore);
                mbits[r] = total * 8.0 / nanos * 1000.0;
                System.out.printf(Locale.ROOT, "round %d: %d bytes in %.3f s = %.0f Mbit/s; process CPU %.3f s = "
                        + "%.0f Mbit per CPU-second (both peers); %s%n", r + 1, total, nanos / 1e9, mbits[r], cpu / 1e9,
                        total * 8.0 / cpu * 1000.0, perMegabyte(udp, total));
            }
        } finally {
            p.close();
        }
        double best = 0;
        double sum = 0;
        for (int r = 1; r < rounds; r++) {
            best = Math.max(best, mbits[r]);
            sum += mbits[r];
        }
        if (rounds > 1) {
            System.out.printf(Locale.ROOT, "after the first (warm-up) round: mean %.0f Mbit/s, best %.0f Mbit/s%n",
                    sum / (rounds - 1), best);
        }
        if (pairs > 0) {
            memoryPerConnection(pairs);
        }
        System.exit(0);
    }

    private static void memoryPerConnection(int pairs) throws Exception {
        long before = usedAfterGc();
        List<Pair> keep = new ArrayList<>();
        try {
            for (int i = 0; i < pairs; i++) {
                Pair p = Pair.connect("idle");
                p.transfer(MESSAGE); // both directions of the stream have seen traffic
                keep.add(p);
            }
            long after = usedAfterGc();
            System.out.printf(Locale.ROOT, "memory: %d connections with one open channel: heap delta %d bytes = %.0f KB "
                    + "per connection (whole RTCPeerConnection: ICE, DTLS, SCTP, Netty channel)%n",
                    2 * pairs, after - before, (after - before) / (2.0 * pairs) / 1000);
        } finally {
            for (Pair p : keep) {
                p.close();
            }
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Two connected peer connections and one open channel between them. */
    private static final class Pair implements AutoCloseable {
        final RTCPeerConnection sender = new RTCPeerConnection(RTCConfiguration.loopback());
        final RTCPeerConnection receiver = new RTCPeerConnection(RTCConfiguration.loopback());
        final Semaphore low = new Semaphore(0);
        final AtomicLong received = new AtomicLong();
        volatile long target;
        volatile long firstByteNanos;
        volatile CompletableFuture<Long> done = new CompletableFuture<>();
        RTCDataChannel out;

        static Pair connect(String label) throws Exception {
            Pair p = new Pair();
            CompletableFuture<RTCDataChannel> incoming = new CompletableFuture<>();
            p.receiver.ondatachannel(ch -> {
                ch.onmessage(m -> p.onBytes(m.data().length));
                incoming.complete(ch);
            });
            p.out = p.sender.createDataChannel(label);
            CompletableFuture<Void> open = new CompletableFuture<>();
            p.out.onopen(() -> open.complete(null));
            p.out.onbufferedamountlow(p.low::release);
            p.sender.setLocalDescription(p.sender.createOffer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
            p.sender.gatheringComplete().get(10, TimeUnit.SECONDS);
            p.receiver.setRemoteDescription(p.sender.localDescription().orElseThrow()).get(10, TimeUnit.SECONDS);
            p.receiver.setLocalDescription(p.receiver.createAnswer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
            p.receiver.gatheringComplete().get(10, TimeUnit.SECONDS);
            RTCSessionDescription answer = p.receiver.localDescription().orElseThrow();
            p.sender.setRemoteDescription(answer).get(10, TimeUnit.SECONDS);
            open.get(20, TimeUnit.SECONDS);
            incoming.get(20, TimeUnit.SECONDS);
            p.out.setBufferedAmountLowThreshold(LOW_WATER);
            return p;
        }

        private void onBytes(int n) {
            if (firstByteNanos == 0) {
                firstByteNanos = System.nanoTime();
            }
            if (received.addAndGet(n) >= target) {
                done.complete(System.nanoTime() - firstByteNanos);
            }
        }

        /** Sends {@code bytes} in 64 KiB messages; the nanoseconds from first to last byte received. */
        long transfer(long bytes) throws Exception {
            received.set(0);
            firstByteNanos = 0;
            done = new CompletableFuture<>();
            target = bytes;
            byte[] message = new byte[MESSAGE];
            for (long sent = 0; sent < bytes; sent += MESSAGE) {
                while (out.bufferedAmount() > HIGH_WATER) {
                    low.tryAcquire(10, TimeUnit.MILLISECONDS);
                }
                message[0] = (byte) sent;
                out.send(message);
            }
            return done.get(120, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            sender.close();
            receiver.close();
        }
    }

    /** Datagrams both peers sent per MB (10^6 bytes) of payload, and the kernel's receive-buffer drops. */
    private static String perMegabyte(KernelUdpCounters udp, long payloadBytes) {
        if (!udp.known()) {
            return udp.describe();
        }
        return String.format(Locale.ROOT, "UDP: %.0f datagrams per MB, %d receive-buffer drops",
                udp.out() * 1e6 / payloadBytes, udp.receiveBufferErrors());
    }
}
