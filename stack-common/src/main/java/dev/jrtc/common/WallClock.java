package dev.jrtc.common;

/**
 * Calendar time, for the few places that must put it on the wire (the NTP timestamp of an RTCP
 * sender report, certificate validity). It may jump; never use it to measure intervals.
 */
@FunctionalInterface
public interface WallClock {
    /** Nanoseconds since 1970-01-01T00:00:00Z. */
    long epochNanos();

    /** Milliseconds since the Unix epoch, derived from {@link #epochNanos()}. */
    default long epochMillis() {
        return Math.floorDiv(epochNanos(), 1_000_000L);
    }
}
