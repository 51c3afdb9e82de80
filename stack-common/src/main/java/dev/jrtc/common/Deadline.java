package dev.jrtc.common;

/**
 * The monotonic time, in nanoseconds, at which a core next wants {@code handleTimeout}. It also
 * marks the end of a drain: {@code poll()} returns a deadline once it has nothing else to give.
 */
public record Deadline(long atNanos) implements Output {
    /** A deadline that never comes: the core has no timer running. */
    public static final Deadline NEVER = new Deadline(Long.MAX_VALUE);

    /** Whether this deadline will never fire. */
    public boolean isNever() {
        return atNanos == Long.MAX_VALUE;
    }

    /** The earlier of two deadlines, for a core that composes several timers. */
    public static Deadline earliest(Deadline a, Deadline b) {
        return a.atNanos <= b.atNanos ? a : b;
    }
}
