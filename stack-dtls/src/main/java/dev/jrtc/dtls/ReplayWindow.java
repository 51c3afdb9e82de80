package dev.jrtc.dtls;

/**
 * The anti-replay window of RFC 6347 section 4.1.2.6 for one epoch: a record is new if its 48-bit
 * sequence number is above the highest seen, or within the 64 below it and not yet seen. The
 * window moves only after a record has been authenticated ({@link #markSeen}), so forged records
 * cannot push it forward.
 */
final class ReplayWindow {
    static final int SIZE = 64;

    private long highest = -1;
    /** Bit i set: sequence number {@code highest - i} was seen. */
    private long seen;

    /** A window for which everything up to and including {@code highest} counts as already seen. */
    static ReplayWindow seenUpTo(long highest) {
        ReplayWindow w = new ReplayWindow();
        if (highest >= 0) {
            w.highest = highest;
            w.seen = -1L;
        }
        return w;
    }

    /** Whether a record with this sequence number would be new. */
    boolean isNew(long seq) {
        if (seq > highest) {
            return true;
        }
        long back = highest - seq;
        return back < SIZE && (seen & (1L << back)) == 0;
    }

    /** Records an authenticated sequence number. */
    void markSeen(long seq) {
        if (seq > highest) {
            long shift = seq - highest;
            seen = shift >= SIZE ? 1L : (seen << shift) | 1L;
            highest = seq;
        } else {
            long back = highest - seq;
            if (back < SIZE) {
                seen |= 1L << back;
            }
        }
    }
}
