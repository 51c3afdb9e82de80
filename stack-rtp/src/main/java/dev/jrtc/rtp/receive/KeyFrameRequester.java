package dev.jrtc.rtp.receive;

/**
 * Rate-limits key-frame requests (PLI, RFC 4585 section 6.3.1, or FIR, RFC 5104 section 4.3.1).
 * However often the jitter buffer, the NACK generator or the decoder asks, at most one request goes
 * out per interval; a need that persists is repeated once per interval until a key frame arrives.
 */
public final class KeyFrameRequester {
    private final long minIntervalNanos;
    private boolean pending;
    private long lastSentNanos = Long.MIN_VALUE;
    private long requestsSent;
    private int firSequence;

    /** @param minIntervalNanos the least time between two requests */
    public KeyFrameRequester(long minIntervalNanos) {
        if (minIntervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.minIntervalNanos = minIntervalNanos;
    }

    /** Something needs a key frame. */
    public void request() {
        pending = true;
    }

    /** A key frame arrived: the need is met. */
    public void satisfied() {
        pending = false;
    }

    /** Whether a request should be sent now; if so it counts as sent. */
    public boolean takeDue(long nowNanos) {
        if (!pending || (lastSentNanos != Long.MIN_VALUE && nowNanos - lastSentNanos < minIntervalNanos)) {
            return false;
        }
        lastSentNanos = nowNanos;
        requestsSent++;
        firSequence = (firSequence + 1) & 0xFF;
        return true;
    }

    /** When a pending request may next go out, or {@code Long.MAX_VALUE}. */
    public long nextDeadlineNanos() {
        if (!pending) {
            return Long.MAX_VALUE;
        }
        return lastSentNanos == Long.MIN_VALUE ? Long.MIN_VALUE : lastSentNanos + minIntervalNanos;
    }

    /** The FIR command sequence number of the latest request (RFC 5104: it changes per new request). */
    public int firSequence() {
        return firSequence;
    }

    /** Requests sent so far. */
    public long requestsSent() {
        return requestsSent;
    }
}
