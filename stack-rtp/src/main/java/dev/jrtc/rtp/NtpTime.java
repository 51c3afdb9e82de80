package dev.jrtc.rtp;

/**
 * NTP timestamps as RTCP carries them (RFC 3550, section 4): 32 bits of seconds since 1900 and 32
 * bits of fraction, and the "compact" middle 32 bits used by LSR, DLSR and DLRR.
 */
public final class NtpTime {
    private static final long SECONDS_1900_TO_1970 = 2_208_988_800L;

    private NtpTime() {
    }

    /** The 64-bit NTP timestamp of a wall-clock time in nanoseconds since the Unix epoch. */
    public static long fromEpochNanos(long epochNanos) {
        long seconds = Math.floorDiv(epochNanos, 1_000_000_000L) + SECONDS_1900_TO_1970;
        long nanos = Math.floorMod(epochNanos, 1_000_000_000L);
        long fraction = (nanos << 32) / 1_000_000_000L;
        return (seconds << 32) | fraction;
    }

    /** The wall-clock time in nanoseconds since the Unix epoch of a 64-bit NTP timestamp. */
    public static long toEpochNanos(long ntp) {
        long seconds = (ntp >>> 32) - SECONDS_1900_TO_1970;
        long nanos = ((ntp & 0xFFFF_FFFFL) * 1_000_000_000L) >>> 32;
        return seconds * 1_000_000_000L + nanos;
    }

    /** The middle 32 bits: 16 bits of seconds and 16 of fraction. */
    public static long compact(long ntp) {
        return (ntp >>> 16) & 0xFFFF_FFFFL;
    }

    /** A duration in 1/65536 s units (DLSR, DLRR), saturating at 32 bits. */
    public static long toCompactDuration(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        long units = (nanos << 16) / 1_000_000_000L;
        return Math.min(units, 0xFFFF_FFFFL);
    }

    /** A 1/65536 s duration in nanoseconds. */
    public static long fromCompactDuration(long units) {
        return ((units & 0xFFFF_FFFFL) * 1_000_000_000L) >>> 16;
    }
}
