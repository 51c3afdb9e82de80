package dev.jrtc.sctp.assoc;

/**
 * The retransmission timeout (RFC 9260 §6.3.1): SRTT and RTTVAR with alpha 1/8 and beta 1/4, RTO =
 * SRTT + 4 RTTVAR clamped to [RTO.Min, RTO.Max], doubled on each T3 expiry (§6.3.3 E2). Callers
 * feed only measurements from chunks sent once (Karn's rule, §6.3.1 C5).
 */
public final class RtoEstimator {
    private static final long CLOCK_GRANULARITY = 1_000_000L; // 1 ms

    private final long min;
    private final long max;
    private long srtt = -1;
    private long rttvar;
    private long rto;

    public RtoEstimator(long initialNanos, long minNanos, long maxNanos) {
        this.min = minNanos;
        this.max = maxNanos;
        this.rto = initialNanos;
    }

    /** A new round-trip measurement, in nanoseconds. */
    public void onMeasurement(long rtt) {
        if (rtt < 0) {
            return;
        }
        if (srtt < 0) {
            srtt = rtt; // C1
            rttvar = rtt / 2;
        } else {
            rttvar = rttvar - (rttvar >> 2) + (Math.abs(srtt - rtt) >> 2); // C2, beta = 1/4
            srtt = srtt - (srtt >> 3) + (rtt >> 3); // alpha = 1/8
        }
        rto = Math.min(max, Math.max(min, srtt + Math.max(CLOCK_GRANULARITY, 4 * rttvar)));
    }

    /** T3-rtx expired: double the RTO up to RTO.Max (§6.3.3 E2). */
    public void backOff() {
        rto = Math.min(max, rto * 2);
    }

    /** The current RTO in nanoseconds. */
    public long rto() {
        return rto;
    }

    /** The smoothed round-trip time, or -1 before the first measurement. */
    public long srtt() {
        return srtt;
    }
}
