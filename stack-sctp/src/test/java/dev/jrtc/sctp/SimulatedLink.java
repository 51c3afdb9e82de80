package dev.jrtc.sctp;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One direction of an in-process network in virtual time: a bottleneck with a rate and a drop-tail
 * queue, then propagation delay with jitter (which reorders), then loss.
 */
final class SimulatedLink {
    private record InFlight(long at, long seq, byte[] data) {
    }

    private final SplittableRandom random;
    private final LossModel loss;
    private final long delayNanos;
    private final long jitterNanos;
    private final long bitsPerSecond;
    private final long queueLimitBytes;
    private final PriorityQueue<InFlight> queue = new PriorityQueue<>((a, b) ->
            a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long seq;
    private long bottleneckFreeAt;
    private long lastArrival;
    /** Chance that a packet is held back a few ms and overtaken by later ones. */
    double reorderProbability;
    long sent;
    long lost;
    long tailDropped;
    long reordered;
    long bytesDelivered;

    SimulatedLink(long seed, LossModel loss, long delayNanos, long jitterNanos, long bitsPerSecond, long queueLimitBytes) {
        this.random = new SplittableRandom(seed);
        this.loss = loss;
        this.delayNanos = delayNanos;
        this.jitterNanos = jitterNanos;
        this.bitsPerSecond = bitsPerSecond;
        this.queueLimitBytes = queueLimitBytes;
    }

    /** The largest packet offered to the link so far. */
    int largestPacket() {
        return largestPacket;
    }

    private int largestPacket;

    void send(long now, byte[] packet) {
        sent++;
        largestPacket = Math.max(largestPacket, packet.length);
        long start = Math.max(now, bottleneckFreeAt);
        if (bitsPerSecond > 0) {
            long backlogBytes = (start - now) * bitsPerSecond / 8 / 1_000_000_000L;
            if (backlogBytes > queueLimitBytes) {
                tailDropped++;
                return;
            }
            start += packet.length * 8L * 1_000_000_000L / bitsPerSecond;
            bottleneckFreeAt = start;
        }
        if (loss.lose(random)) {
            lost++;
            return;
        }
        // Jitter varies the delay but keeps FIFO order (one path); reordering is its own, rarer event.
        long jitter = jitterNanos > 0 ? random.nextLong(jitterNanos) : 0;
        long at = Math.max(start + delayNanos + jitter, lastArrival);
        if (reorderProbability > 0 && random.nextDouble() < reorderProbability) {
            at += 1_000_000L + random.nextLong(4_000_000L);
            reordered++;
        } else {
            lastArrival = at;
        }
        queue.add(new InFlight(at, seq++, packet));
    }

    long nextArrival() {
        InFlight f = queue.peek();
        return f == null ? Long.MAX_VALUE : f.at;
    }

    /** The next packet due at or before {@code now}, or null. */
    byte[] poll(long now) {
        InFlight f = queue.peek();
        if (f == null || f.at > now) {
            return null;
        }
        queue.poll();
        bytesDelivered += f.data.length;
        return f.data;
    }
}
