package dev.jrtc.ice.stun;

/** The timer of one client transaction under a {@link RetransmitPolicy}. */
public final class RetransmitTimer {
    /** What to do when the deadline passes. */
    public enum Action { NOTHING, RETRANSMIT, GIVE_UP }

    private final RetransmitPolicy policy;
    private int sends = 1;
    private long rto;
    private long deadline;

    /** A timer for a request first sent at {@code nowNanos}. */
    public RetransmitTimer(RetransmitPolicy policy, long nowNanos) {
        this.policy = policy;
        this.rto = policy.initialRtoNanos();
        this.deadline = nowNanos + (policy.maxSends() == 1 ? policy.initialRtoNanos() * policy.lastWaitFactor() : rto);
    }

    /** When {@link #onTimeout} next has something to do. */
    public long deadline() {
        return deadline;
    }

    /** How many times the request has been sent. */
    public int sends() {
        return sends;
    }

    /** Advances the timer; the caller retransmits the same bytes on {@link Action#RETRANSMIT}. */
    public Action onTimeout(long nowNanos) {
        if (nowNanos < deadline) {
            return Action.NOTHING;
        }
        if (sends >= policy.maxSends()) {
            return Action.GIVE_UP;
        }
        sends++;
        if (sends == policy.maxSends()) {
            deadline = nowNanos + policy.initialRtoNanos() * policy.lastWaitFactor();
        } else {
            rto = Math.min(rto * 2, policy.maxRtoNanos());
            deadline = nowNanos + rto;
        }
        return Action.RETRANSMIT;
    }
}
