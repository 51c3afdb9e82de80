package dev.jrtc.reliability.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One direction of a seeded, in-process network path. For each datagram it decides when (if ever)
 * copies arrive: fixed latency, correlated jitter, reordering, duplication, random and
 * Gilbert–Elliott loss, a rate limit with a tail-drop queue, an MTU and blackout windows.
 * Everything it drops it counts by cause. Deterministic for a given seed and input sequence.
 */
public final class NetworkEmulator {
    private final Random random;
    private final long latencyNanos;
    private final long jitterNanos;
    private final double jitterCorrelation;
    private final double reorder;
    private final long reorderExtraNanos;
    private final double duplicate;
    private final double loss;
    private final GilbertElliott.Chain burst;
    private final long bitsPerSecond;
    private final int queueBytes;
    private final int mtu;
    private final List<long[]> blackouts;

    private double lastJitter;
    private long linkFreeAt;
    private final DropCounts drops = new DropCounts();
    private long offered;
    private long delivered;

    private NetworkEmulator(Builder b) {
        random = new Random(b.seed);
        latencyNanos = b.latency.toNanos();
        jitterNanos = b.jitter.toNanos();
        jitterCorrelation = b.jitterCorrelation;
        reorder = b.reorder;
        reorderExtraNanos = b.reorderExtra.toNanos();
        duplicate = b.duplicate;
        loss = b.loss;
        burst = b.burst == null ? null : b.burst.start();
        bitsPerSecond = b.bitsPerSecond;
        queueBytes = b.queueBytes;
        mtu = b.mtu;
        blackouts = new ArrayList<>(b.blackouts);
    }

    /** A path with no impairment at all. */
    public static NetworkEmulator perfect() {
        return builder(0).build();
    }

    /** Starts a path description; {@code seed} fixes every random decision. */
    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    /** Counts of datagrams dropped, by cause. */
    public static final class DropCounts {
        long random;
        long burst;
        long tailDrop;
        long oversize;
        long blackout;

        /** Every drop. */
        public long total() {
            return random + burst + tailDrop + oversize + blackout;
        }

        @Override
        public String toString() {
            return "random=" + random + " burst=" + burst + " tailDrop=" + tailDrop + " oversize=" + oversize
                    + " blackout=" + blackout;
        }
    }

    /**
     * Offers one datagram of {@code size} bytes sent at {@code now}; returns the arrival time of each
     * copy that gets through (none when it is lost, two when duplicated).
     */
    public List<Long> offer(long now, int size) {
        offered++;
        if (size > mtu) {
            drops.oversize++;
            return List.of();
        }
        for (long[] w : blackouts) {
            if (now >= w[0] && now < w[1]) {
                drops.blackout++;
                return List.of();
            }
        }
        if (burst != null && burst.lose(random)) {
            drops.burst++;
            return List.of();
        }
        if (loss > 0 && random.nextDouble() < loss) {
            drops.random++;
            return List.of();
        }
        long departs = now;
        if (bitsPerSecond > 0) {
            long start = Math.max(now, linkFreeAt);
            long backlogBytes = (start - now) * bitsPerSecond / 8 / 1_000_000_000L;
            if (backlogBytes + size > queueBytes) {
                drops.tailDrop++;
                return List.of();
            }
            linkFreeAt = start + size * 8L * 1_000_000_000L / bitsPerSecond;
            departs = linkFreeAt;
        }
        List<Long> arrivals = new ArrayList<>(2);
        arrivals.add(departs + latencyNanos + nextJitter() + (random.nextDouble() < reorder ? reorderExtraNanos : 0));
        if (duplicate > 0 && random.nextDouble() < duplicate) {
            arrivals.add(departs + latencyNanos + nextJitter());
        }
        delivered += arrivals.size();
        return arrivals;
    }

    // Each sample leans on the previous one, so delay drifts rather than jumping (netem's correlation).
    private long nextJitter() {
        if (jitterNanos == 0) {
            return 0;
        }
        double fresh = random.nextDouble() * jitterNanos;
        lastJitter = jitterCorrelation * lastJitter + (1 - jitterCorrelation) * fresh;
        return (long) lastJitter;
    }

    /** Adds a blackout window while the path is in use: everything sent in [fromNanos, toNanos) is lost. */
    public void blackout(long fromNanos, long toNanos) {
        blackouts.add(new long[] {fromNanos, toNanos});
    }

    /** Drops so far, by cause. */
    public DropCounts drops() {
        return drops;
    }

    /** Datagrams offered so far. */
    public long offered() {
        return offered;
    }

    /** Copies scheduled for delivery so far (duplicates included). */
    public long delivered() {
        return delivered;
    }

    /** Describes a path; every setting defaults to "no impairment". */
    public static final class Builder {
        private final long seed;
        private Duration latency = Duration.ZERO;
        private Duration jitter = Duration.ZERO;
        private double jitterCorrelation;
        private double reorder;
        private Duration reorderExtra = Duration.ZERO;
        private double duplicate;
        private double loss;
        private GilbertElliott burst;
        private long bitsPerSecond;
        private int queueBytes = Integer.MAX_VALUE;
        private int mtu = Integer.MAX_VALUE;
        private final List<long[]> blackouts = new ArrayList<>();

        private Builder(long seed) {
            this.seed = seed;
        }

        /** Fixed one-way delay. */
        public Builder latency(Duration d) {
            latency = d;
            return this;
        }

        /** Extra delay uniform in [0, max), each sample weighted by {@code correlation} toward the previous one. */
        public Builder jitter(Duration max, double correlation) {
            if (correlation < 0 || correlation >= 1) {
                throw new IllegalArgumentException("correlation must be in [0, 1)");
            }
            jitter = max;
            jitterCorrelation = correlation;
            return this;
        }

        /** With probability {@code p} a datagram is held back {@code extra} so later ones overtake it. */
        public Builder reorder(double p, Duration extra) {
            reorder = probability(p);
            reorderExtra = extra;
            return this;
        }

        /** With probability {@code p} a datagram arrives twice. */
        public Builder duplicate(double p) {
            duplicate = probability(p);
            return this;
        }

        /** Independent random loss. */
        public Builder loss(double p) {
            loss = probability(p);
            return this;
        }

        /** Burst loss from a Gilbert–Elliott chain (on top of any random loss). */
        public Builder burst(GilbertElliott chain) {
            burst = chain;
            return this;
        }

        /** Serialisation at {@code bitsPerSecond} behind a queue of {@code queueBytes}; arrivals that overflow it are dropped. */
        public Builder rate(long bitsPerSecond, int queueBytes) {
            this.bitsPerSecond = bitsPerSecond;
            this.queueBytes = queueBytes;
            return this;
        }

        /** Datagrams larger than {@code bytes} are dropped (no fragmentation). */
        public Builder mtu(int bytes) {
            mtu = bytes;
            return this;
        }

        /** Everything sent in [fromNanos, toNanos) of virtual time is lost. */
        public Builder blackout(long fromNanos, long toNanos) {
            blackouts.add(new long[] {fromNanos, toNanos});
            return this;
        }

        /** The path. */
        public NetworkEmulator build() {
            return new NetworkEmulator(this);
        }

        private static double probability(double p) {
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("probability out of range: " + p);
            }
            return p;
        }
    }
}
