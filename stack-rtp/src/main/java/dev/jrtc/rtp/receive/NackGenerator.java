package dev.jrtc.rtp.receive;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * Decides which lost packets to NACK and when (RFC 4585, section 6.2.1).
 *
 * <p>A gap in sequence numbers puts the missing ones on a list. Each is first NACKed after a short
 * reordering grace, then again every {@code max(minRetryInterval, rtt * retryRttFactor)} until it
 * arrives, it has been asked for {@code maxRetries} times, or it is older than {@code maxAge}. A
 * gap too big to be worth repairing clears the list and reports that a key frame is needed instead.
 */
public final class NackGenerator {
    /**
     * Tuning.
     *
     * @param maxRetries          how many times one packet is asked for
     * @param reorderGraceNanos   how long a gap may be reordering before the first NACK
     * @param minRetryIntervalNanos the least time between two NACKs of one packet
     * @param retryRttFactor      retry after this many RTTs without the retransmission
     * @param maxAgeNanos         stop asking for a packet missing this long
     * @param maxListSize         a gap larger than this is not repaired
     */
    public record Config(int maxRetries, long reorderGraceNanos, long minRetryIntervalNanos, double retryRttFactor,
                         long maxAgeNanos, int maxListSize) {
        /** Checks the values. */
        public Config {
            if (maxRetries < 1 || reorderGraceNanos < 0 || minRetryIntervalNanos <= 0 || retryRttFactor <= 0
                    || maxAgeNanos <= 0 || maxListSize < 1) {
                throw new IllegalArgumentException("invalid NACK configuration");
            }
        }

        /**
         * 10 retries, 5 ms grace, at least 10 ms and 1.1 RTT between retries (the retransmission is
         * due after one RTT; the tenth is for jitter), 1 s age, 1000 packets.
         */
        public static Config defaults() {
            return new Config(10, 5_000_000L, 10_000_000L, 1.1, 1_000_000_000L, 1000);
        }
    }

    private static final class Missing {
        final long detectedAtNanos;
        long nextSendAtNanos;
        int sent;

        Missing(long detectedAtNanos, long nextSendAtNanos) {
            this.detectedAtNanos = detectedAtNanos;
            this.nextSendAtNanos = nextSendAtNanos;
        }
    }

    private final Config config;
    private final TreeMap<Long, Missing> missing = new TreeMap<>();
    private long highest = -1;
    private boolean keyFrameWanted;
    private long nacksSent;
    private long packetsGivenUp;

    /** A generator with the given tuning. */
    public NackGenerator(Config config) {
        this.config = config;
    }

    /** Notes a packet that arrived (first time, late, or retransmitted). */
    public void onPacket(long nowNanos, long extendedSeq) {
        if (highest < 0) {
            highest = extendedSeq;
            return;
        }
        if (extendedSeq <= highest) {
            if (!missing.isEmpty()) {
                missing.remove(extendedSeq);
            }
            return;
        }
        long gap = extendedSeq - highest - 1;
        if (gap > config.maxListSize()) {
            // Too many to repair one by one; a key frame is the cheaper fix.
            packetsGivenUp += missing.size() + gap;
            missing.clear();
            keyFrameWanted = true;
        } else {
            for (long s = highest + 1; s < extendedSeq; s++) {
                missing.put(s, new Missing(nowNanos, nowNanos + config.reorderGraceNanos()));
            }
            while (missing.size() > config.maxListSize()) {
                missing.pollFirstEntry();
                packetsGivenUp++;
                keyFrameWanted = true;
            }
        }
        highest = extendedSeq;
    }

    /**
     * The sequence numbers (low 16 bits) to NACK now, oldest first; each counts as one more try.
     *
     * @param rttNanos the current round-trip estimate
     */
    public List<Integer> due(long nowNanos, long rttNanos) {
        if (missing.isEmpty()) {
            return List.of();
        }
        long retry = Math.max(config.minRetryIntervalNanos(), (long) (rttNanos * config.retryRttFactor()));
        List<Integer> out = new ArrayList<>();
        for (Iterator<java.util.Map.Entry<Long, Missing>> it = missing.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            Missing m = e.getValue();
            if (m.sent >= config.maxRetries() || nowNanos - m.detectedAtNanos >= config.maxAgeNanos()) {
                it.remove();
                packetsGivenUp++;
                continue;
            }
            if (m.nextSendAtNanos <= nowNanos) {
                out.add((int) (e.getKey() & 0xFFFF));
                m.sent++;
                m.nextSendAtNanos = nowNanos + retry;
                nacksSent++;
            }
        }
        return out;
    }

    /** When {@link #due} next has something, or {@code Long.MAX_VALUE}. */
    public long nextDeadlineNanos() {
        long d = Long.MAX_VALUE;
        for (Missing m : missing.values()) {
            d = Math.min(d, Math.min(m.nextSendAtNanos, m.detectedAtNanos + config.maxAgeNanos()));
        }
        return d;
    }

    /** Whether a gap was too large to repair, once; reading clears it. */
    public boolean takeKeyFrameWanted() {
        boolean w = keyFrameWanted;
        keyFrameWanted = false;
        return w;
    }

    /** Packets currently missing. */
    public int missingCount() {
        return missing.size();
    }

    /** Sequence numbers put in NACKs so far, retries included. */
    public long nacksSent() {
        return nacksSent;
    }

    /** Packets no longer asked for. */
    public long packetsGivenUp() {
        return packetsGivenUp;
    }
}
