package dev.jrtc.rtp.ext;

/**
 * The abs-send-time value: 24 bits of 6.18 fixed-point seconds, wrapping every 64 s. Only
 * differences between values mean anything, so any monotonic clock works.
 */
public final class AbsSendTime {
    private AbsSendTime() {
    }

    /** The 24-bit value for a time in nanoseconds. */
    public static int fromNanos(long nanos) {
        long seconds = Math.floorDiv(nanos, 1_000_000_000L);
        long fraction = Math.floorMod(nanos, 1_000_000_000L);
        return (int) (((seconds & 0x3F) << 18) | ((fraction << 18) / 1_000_000_000L));
    }

    /** The time a 24-bit value stands for, in nanoseconds within its 64 s period. */
    public static long toNanos(int value) {
        return ((value & 0xFFFFFFL) * 1_000_000_000L) >>> 18;
    }

    /** The element's three bytes. */
    public static byte[] encode(long nanos) {
        int v = fromNanos(nanos);
        return new byte[] {(byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
