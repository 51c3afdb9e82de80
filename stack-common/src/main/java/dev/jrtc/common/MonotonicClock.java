package dev.jrtc.common;

/**
 * A monotonic clock in nanoseconds, with an arbitrary origin. Only differences between two
 * readings mean anything. Cores never read a clock themselves: the driver reads this one and passes
 * {@code nowNanos} into every call.
 */
@FunctionalInterface
public interface MonotonicClock {
    /** The current reading in nanoseconds; never smaller than an earlier reading. */
    long nanoTime();
}
