package dev.jrtc.sctp.assoc;

/**
 * Congestion control for the one path over DTLS (RFC 9260 §7.2): slow start, congestion
 * avoidance with partial_bytes_acked, fast recovery, and the T3 collapse to one MTU.
 *
 * <p>Slow start grows by up to {@code L = 2} MTUs per SACK rather than one: the peer SACKs every
 * second packet (§6.2), and a limit of one MTU per SACK would grow the window by only 1.5 a round
 * trip. Two MTUs per SACK is the appropriate byte counting limit of RFC 3465 §2.2 and lets a fast
 * link fill in a few round trips.
 */
public final class CongestionControl {
    private static final int SLOW_START_LIMIT_MTUS = 2;

    private final int mtu;
    private long cwnd;
    private long ssthresh;
    private long partialBytesAcked;
    private boolean inFastRecovery;
    private long fastRecoveryExitTsn;
    private long priorCwnd;
    private long priorSsthresh;

    /**
     * @param mtu the path MTU in bytes (the SCTP packet size)
     * @param initialSsthresh the peer's initial a_rwnd (§7.2.1 allows it as the start value)
     */
    public CongestionControl(int mtu, long initialSsthresh) {
        this.mtu = mtu;
        this.cwnd = Math.min(4L * mtu, Math.max(2L * mtu, 4380)); // §7.2.1
        this.ssthresh = Math.max(initialSsthresh, 4L * mtu);
    }

    public long cwnd() {
        return cwnd;
    }

    public long ssthresh() {
        return ssthresh;
    }

    public boolean inFastRecovery() {
        return inFastRecovery;
    }

    /** Whether {@code flight} bytes in flight use the window (no room for another full packet). */
    public boolean windowFull(long flight) {
        return flight + mtu > cwnd;
    }

    /**
     * A SACK acknowledged {@code bytesAcked} new bytes.
     *
     * @param windowFull whether the window was in use when the SACK's data was in flight (see
     *     {@link #windowFull}), to tell a sender that fills it from an idle one
     * @param cumulativeAdvanced whether the cumulative TSN ack point moved
     * @param cumulativeTsn the new cumulative TSN ack point
     */
    public void onAck(long bytesAcked, boolean windowFull, boolean cumulativeAdvanced, long cumulativeTsn) {
        if (inFastRecovery && !Tsn.lt(cumulativeTsn, fastRecoveryExitTsn)) {
            inFastRecovery = false; // §7.2.4: recovery ends when the exit point is acknowledged
        }
        if (bytesAcked <= 0 || !cumulativeAdvanced) {
            return;
        }
        if (cwnd <= ssthresh) {
            // §7.2.1: grow only when the window was in use and not while in fast recovery.
            if (windowFull && !inFastRecovery) {
                cwnd += Math.min(bytesAcked, (long) SLOW_START_LIMIT_MTUS * mtu);
            }
            return;
        }
        // §7.2.2: congestion avoidance, one MTU per window of acknowledged bytes.
        partialBytesAcked += bytesAcked;
        if (partialBytesAcked >= cwnd && windowFull) {
            partialBytesAcked -= cwnd;
            cwnd += mtu;
        }
    }

    /** Nothing is in flight any more (§7.2.2: partial_bytes_acked resets). */
    public void onFlightEmpty() {
        partialBytesAcked = 0;
    }

    /**
     * Fast retransmit was triggered (§7.2.4). Enters fast recovery unless already in it.
     *
     * @param highestOutstandingTsn the recovery exit point
     */
    public void onFastRetransmit(long highestOutstandingTsn) {
        if (inFastRecovery) {
            return;
        }
        priorCwnd = cwnd;
        priorSsthresh = ssthresh;
        ssthresh = Math.max(cwnd / 2, 4L * mtu);
        cwnd = ssthresh;
        partialBytesAcked = 0;
        inFastRecovery = true;
        fastRecoveryExitTsn = highestOutstandingTsn;
    }

    /**
     * Every retransmission of the last fast recovery turned out to be spurious (the originals were
     * delivered, only late): restore the window as it was before, as the Eifel response does for
     * TCP (RFC 4015 §3.2, RFC 6675's undo). Congestion never happened, so nothing is reduced.
     */
    public void undoFastRecovery() {
        cwnd = Math.max(cwnd, priorCwnd);
        ssthresh = Math.max(ssthresh, priorSsthresh);
        partialBytesAcked = 0;
        inFastRecovery = false;
    }

    /** T3-rtx expired (§7.2.3): back to one MTU and slow start. */
    public void onRetransmitTimeout() {
        ssthresh = Math.max(cwnd / 2, 4L * mtu);
        cwnd = mtu;
        partialBytesAcked = 0;
        inFastRecovery = false;
    }
}
