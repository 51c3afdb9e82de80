package dev.jrtc.sctp.assoc;

/**
 * Time-based loss detection for the sender's chunks: RACK (RFC 8985) adapted to SCTP, in place of
 * the three-miss-indication rule of RFC 9260 §7.2.4.
 *
 * <p>A chunk is deemed lost only when a chunk sent after it has been acknowledged (by the
 * cumulative ack or a gap block) and a reordering window has passed since then, measured from the
 * chunk's own send time plus the round trip of that later chunk. A packet that is merely overtaken
 * (held back a few milliseconds) is acknowledged within the window and never retransmitted; a lost
 * retransmission is detected like any other loss, without waiting for T3-rtx.
 *
 * <p>The window is {@code multiplier × minRTT / 4}, capped at SRTT (RFC 8985 §6.2). Before any
 * reordering has been seen it is zero once three chunks above the hole are acknowledged or during
 * recovery, which makes a plain loss on an in-order path as quick to detect as the classic rule.
 * The multiplier grows by one per round trip in which a retransmission proves spurious (the peer
 * reports a duplicate TSN, SCTP's counterpart of a DSACK, or the original is acknowledged sooner
 * than half a round trip after the retransmission) and falls back to one after 16 recoveries
 * without such evidence.
 */
final class RackLossDetector {
    private static final int DUP_THRESH = 3;
    private static final int PERSIST_RECOVERIES = 16;
    private static final int MAX_MULTIPLIER = 64;

    private final Timer timer = new Timer();
    /** Send time and TSN of the most recently sent chunk that has been acknowledged. */
    private long xmitTs = Long.MIN_VALUE;
    private long endTsn = -1;
    /** Round trip of that chunk. */
    private long rtt;
    private long minRtt = -1;
    /** The highest TSN acknowledged among chunks sent once. */
    private long fack = -1;
    private boolean reorderingSeen;
    private int multiplier = 1;
    private int persist;
    /** After a spurious retransmission, the multiplier grows again only once the ack passes this TSN. */
    private long spuriousRoundEnd = -1;

    long deadline() {
        return timer.deadline();
    }

    boolean timerDue(long now) {
        return timer.fire(now);
    }

    void stopTimer() {
        timer.stop();
    }

    boolean reorderingSeen() {
        return reorderingSeen;
    }

    int multiplier() {
        return multiplier;
    }

    long minRtt() {
        return minRtt;
    }

    /**
     * A chunk was newly acknowledged at {@code now}. Returns whether this proves that its
     * retransmission (or its loss marking) was spurious.
     *
     * @param wasMarkedLost whether the chunk was waiting for retransmission when acknowledged
     */
    boolean onAcked(Outstanding o, boolean wasMarkedLost, long now) {
        long sample = now - o.sentAt;
        boolean spurious = false;
        if (o.transmissions == 1) {
            spurious = wasMarkedLost; // the original arrived after all
            if (minRtt < 0 || sample < minRtt) {
                minRtt = sample;
            }
            if (fack >= 0 && Tsn.lt(o.tsn(), fack)) {
                reorderingSeen = true; // overtaken by a later chunk (RFC 8985 §6.2 step 3)
            } else if (fack < 0 || Tsn.lt(fack, o.tsn())) {
                fack = o.tsn();
            }
        } else if (minRtt >= 0 && sample < minRtt) {
            // Acknowledged sooner than a round trip after the retransmission: the ack is for the
            // original, so the sample is ambiguous (RFC 8985 §6.2 step 2), and if it is that soon
            // the retransmission was not needed.
            if (sample < minRtt / 2 || wasMarkedLost) {
                spurious = true;
            }
            if (spurious) {
                reorderingSeen = true;
            }
            return spurious;
        }
        if (xmitTs == Long.MIN_VALUE || o.sentAt > xmitTs || (o.sentAt == xmitTs && Tsn.lt(endTsn, o.tsn()))) {
            xmitTs = o.sentAt;
            endTsn = o.tsn();
            rtt = sample;
        }
        return spurious;
    }

    /**
     * Evidence of a spurious retransmission (a duplicate TSN report, or a retransmitted chunk whose
     * original was acknowledged): widen the reordering window, at most once per round trip.
     */
    void onSpuriousRetransmission(long cumulativeAck, long lastAssignedTsn) {
        reorderingSeen = true;
        if (spuriousRoundEnd >= 0 && Tsn.lt(cumulativeAck, spuriousRoundEnd)) {
            return;
        }
        spuriousRoundEnd = lastAssignedTsn;
        multiplier = Math.min(MAX_MULTIPLIER, multiplier + 1);
        persist = PERSIST_RECOVERIES;
    }

    /** A recovery episode ended without new evidence: let the window shrink back in time. */
    void onRecoveryEnded() {
        if (persist > 0 && --persist == 0) {
            multiplier = 1;
        }
    }

    /** The reordering window (RFC 8985 §6.2, RACK_update_reo_wnd). */
    long reorderWindow(boolean inRecovery, int gapAcked, long srtt) {
        if (!reorderingSeen && (inRecovery || gapAcked >= DUP_THRESH)) {
            return 0;
        }
        long base = minRtt >= 0 ? minRtt : srtt;
        if (base < 0) {
            return 0;
        }
        long w = multiplier * (base / 4);
        return srtt > 0 ? Math.min(w, srtt) : w;
    }

    /**
     * Marks as lost every chunk in flight sent before the most recently acknowledged one whose
     * reordering window has passed, and arms the timer for the earliest one still inside it
     * (RFC 8985 §6.2 step 5, §6.3). Returns how many were marked.
     */
    int detectLosses(RetransmissionQueue flight, long reoWnd, long now, java.util.function.Consumer<Outstanding> lost) {
        timer.stop();
        if (xmitTs == Long.MIN_VALUE) {
            return 0;
        }
        int[] marked = {0};
        long[] earliest = {Long.MAX_VALUE};
        flight.forEach(o -> {
            boolean sentBefore = o.sentAt < xmitTs || (o.sentAt == xmitTs && Tsn.lt(o.tsn(), endTsn));
            if (!sentBefore) {
                // Chunks sent once go out in TSN order, so nothing after this one was sent earlier.
                return o.transmissions != 1;
            }
            if (o.state != Outstanding.State.IN_FLIGHT) {
                return true;
            }
            long remaining = o.sentAt + rtt + reoWnd - now;
            if (remaining <= 0) {
                lost.accept(o);
                marked[0]++;
            } else if (remaining < earliest[0]) {
                earliest[0] = remaining;
            }
            return true;
        });
        if (earliest[0] != Long.MAX_VALUE) {
            timer.start(now + earliest[0]);
        }
        return marked[0];
    }
}
