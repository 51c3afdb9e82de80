package dev.jrtc.rtp;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts input that a core dropped, by reason (DESIGN.md section 1, rule 2: bad network input is
 * dropped and counted, never thrown). Counting is allocation-free.
 */
public final class DropCounters {
    private final long[] counts = new long[DropReason.values().length];

    /** Records one drop. */
    public void count(DropReason reason) {
        counts[reason.ordinal()]++;
    }

    /** How many inputs were dropped for {@code reason}. */
    public long get(DropReason reason) {
        return counts[reason.ordinal()];
    }

    /** Drops of every reason. */
    public long total() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    /** A snapshot of the non-zero counters, for stats and logs. */
    public Map<DropReason, Long> snapshot() {
        Map<DropReason, Long> out = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            if (counts[r.ordinal()] != 0) {
                out.put(r, counts[r.ordinal()]);
            }
        }
        return out;
    }
}
