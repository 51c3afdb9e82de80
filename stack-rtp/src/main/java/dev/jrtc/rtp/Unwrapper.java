package dev.jrtc.rtp;

/**
 * Turns a wrapping 16-bit sequence number or 32-bit timestamp into a monotonic {@code long}
 * (RFC 3550, appendix A.1), so that ordering and gaps need no modular arithmetic downstream. A
 * value is placed in whichever cycle puts it closest to the highest one seen, so reordering across
 * a wrap is handled.
 */
public final class Unwrapper {
    private final int bits;
    private final long mask;
    private long highest = -1;

    private Unwrapper(int bits) {
        this.bits = bits;
        this.mask = (1L << bits) - 1;
    }

    /** For 16-bit RTP sequence numbers. */
    public static Unwrapper forSequenceNumbers() {
        return new Unwrapper(16);
    }

    /** For 32-bit RTP timestamps. */
    public static Unwrapper forTimestamps() {
        return new Unwrapper(32);
    }

    /** The extended value of {@code value}, and it becomes the reference if it is the highest yet. */
    public long unwrap(long value) {
        long extended = peek(value);
        if (extended > highest) {
            highest = extended;
        }
        return extended;
    }

    /** Like {@link #unwrap} but without moving the reference: for a packet that may yet be dropped. */
    public long peek(long value) {
        value &= mask;
        if (highest < 0) {
            // Start one cycle in, so that packets reordered before the first one stay positive.
            return (1L << bits) + value;
        }
        long delta = (value - (highest & mask)) & mask;
        if (delta >= (1L << (bits - 1))) {
            delta -= 1L << bits;
        }
        return highest + delta;
    }

    /** The highest extended value so far, or -1 before the first. */
    public long highest() {
        return highest;
    }
}
