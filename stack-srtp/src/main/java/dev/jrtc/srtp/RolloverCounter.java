package dev.jrtc.srtp;

/**
 * Tracks the rollover counter of one SRTP stream and estimates the 48-bit packet index of each
 * arriving sequence number (RFC 3711 §3.3.1 and appendix A).
 *
 * <p>{@link #estimate} does not change state; {@link #update} does, and the receiver calls it only
 * after the packet authenticated, so a forged packet cannot move the ROC.
 */
public final class RolloverCounter {
    /** The largest valid packet index: ROC and SEQ together are 48 bits. */
    public static final long MAX_INDEX = (1L << 48) - 1;
    private static final int HALF = 1 << 15;

    /** ROC || s_l of the highest authenticated packet; 0 before the first one. */
    private long highest;

    /** The current rollover counter. */
    public long roc() {
        return highest >>> 16;
    }

    /** The highest sequence number seen, s_l. */
    public int highestSequence() {
        return (int) (highest & 0xffff);
    }

    /**
     * The index of a packet with sequence number {@code seq}, guessing ROC-1, ROC or ROC+1 by which
     * puts it closest to s_l. Returns a value above {@link #MAX_INDEX} if the ROC would pass 2^32-1.
     */
    public long estimate(int seq) {
        if (highest <= HALF) {
            // Still early in ROC 0, where ROC-1 does not exist: take the sequence number as the
            // index. libsrtp does the same, which matters because a stream may start anywhere.
            return seq;
        }
        long roc = highest >>> 16;
        int sl = (int) (highest & 0xffff);
        long v;
        if (sl < HALF) {
            v = seq - sl > HALF ? roc - 1 : roc;
        } else {
            v = sl - HALF > seq ? roc + 1 : roc;
        }
        return (v << 16) | seq;
    }

    /** Advances to {@code index} if it is the highest so far. */
    public void update(long index) {
        if (index > highest) {
            highest = index;
        }
    }
}
