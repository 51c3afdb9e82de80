package dev.jrtc.common;

import java.time.Duration;

/**
 * A clock that only moves when told to: the monotonic and the wall reading advance together. Tests
 * and simulations use it to run hours of timers in milliseconds, deterministically.
 */
public final class VirtualClock implements MonotonicClock, WallClock {
    private long nanos;
    private final long epochOffsetNanos;

    /** A clock whose monotonic reading starts at {@code startNanos} and wall reading at {@code startEpochNanos}. */
    public VirtualClock(long startNanos, long startEpochNanos) {
        this.nanos = startNanos;
        this.epochOffsetNanos = startEpochNanos - startNanos;
    }

    /** A clock at monotonic 0 and wall time 2024-01-01T00:00:00Z. */
    public VirtualClock() {
        this(0L, 1_704_067_200_000_000_000L);
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long epochNanos() {
        return nanos + epochOffsetNanos;
    }

    /** Moves time forward by {@code delta}; a negative step is a bug in the test and is refused. */
    public void advance(Duration delta) {
        advanceNanos(delta.toNanos());
    }

    /** Moves time forward by {@code deltaNanos}. */
    public void advanceNanos(long deltaNanos) {
        if (deltaNanos < 0) {
            throw new IllegalArgumentException("a virtual clock only moves forward; got " + deltaNanos + " ns");
        }
        nanos = Math.addExact(nanos, deltaNanos);
    }

    /** Moves time forward to {@code atNanos}, if that is later than now. Convenient for jumping to a deadline. */
    public void advanceTo(long atNanos) {
        if (atNanos > nanos) {
            nanos = atNanos;
        }
    }
}
