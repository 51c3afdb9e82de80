package dev.jrtc.sctp.assoc;

/** One protocol timer: a deadline (or none) and how often it has fired in a row. */
final class Timer {
    static final long STOPPED = Long.MAX_VALUE;

    private long deadline = STOPPED;
    private int expirations;

    void start(long atNanos) {
        deadline = atNanos;
    }

    /** Stops the timer and forgets how often it expired. */
    void stop() {
        deadline = STOPPED;
        expirations = 0;
    }

    boolean running() {
        return deadline != STOPPED;
    }

    long deadline() {
        return deadline;
    }

    /** If due at {@code now}, stops it, counts the expiry and returns true. */
    boolean fire(long now) {
        if (deadline != STOPPED && now >= deadline) {
            deadline = STOPPED;
            expirations++;
            return true;
        }
        return false;
    }

    int expirations() {
        return expirations;
    }
}
