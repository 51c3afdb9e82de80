package dev.jrtc.ice.stun;

import java.time.Duration;

/**
 * When a STUN client transaction retransmits and gives up (RFC 8489, section 6.2.1): the first
 * retransmission after {@code initialRto}, each later one after twice the previous interval (capped
 * at {@code maxRto}), at most {@code maxSends} sends in all, then {@code lastWaitFactor} times the
 * initial RTO for a response to the last one.
 */
public record RetransmitPolicy(long initialRtoNanos, long maxRtoNanos, int maxSends, int lastWaitFactor) {
    /** Checks the values. */
    public RetransmitPolicy {
        if (initialRtoNanos <= 0 || maxRtoNanos < initialRtoNanos || maxSends < 1 || lastWaitFactor < 1) {
            throw new IllegalArgumentException("bad retransmit policy");
        }
    }

    /** RFC 8489 defaults over UDP: RTO 500 ms, Rc = 7, Rm = 16 (39.5 s until timeout). */
    public static RetransmitPolicy rfc8489() {
        return new RetransmitPolicy(Duration.ofMillis(500).toNanos(), Long.MAX_VALUE / 4, 7, 16);
    }

    /** Over TCP or TLS nothing is retransmitted; the transaction times out after {@code timeout} (Ti = 39.5 s). */
    public static RetransmitPolicy reliable(Duration timeout) {
        return new RetransmitPolicy(timeout.toNanos(), timeout.toNanos(), 1, 1);
    }

    /** The same policy with a different initial RTO. */
    public RetransmitPolicy withInitialRto(Duration rto) {
        return new RetransmitPolicy(rto.toNanos(), Math.max(maxRtoNanos, rto.toNanos()), maxSends, lastWaitFactor);
    }

    /** The same policy sending at most {@code sends} times. */
    public RetransmitPolicy withMaxSends(int sends) {
        return new RetransmitPolicy(initialRtoNanos, maxRtoNanos, sends, lastWaitFactor);
    }

    /** The total time from first send to timeout. */
    public long timeoutNanos() {
        long t = 0;
        long rto = initialRtoNanos;
        for (int i = 1; i < maxSends; i++) {
            t += rto;
            rto = Math.min(rto * 2, maxRtoNanos);
        }
        return t + initialRtoNanos * lastWaitFactor;
    }
}
