package dev.jrtc.rtp.ext;

/**
 * The playout-delay element: the sender's bounds on the receiver's jitter-buffer delay, in 10 ms
 * steps of 12 bits each.
 *
 * @param minMillis 0..40950, a multiple of 10
 * @param maxMillis 0..40950, a multiple of 10
 */
public record PlayoutDelay(int minMillis, int maxMillis) {
    /** Checks the ranges. */
    public PlayoutDelay {
        if (minMillis < 0 || maxMillis < 0 || minMillis > 40950 || maxMillis > 40950) {
            throw new IllegalArgumentException("playout delay out of range: " + minMillis + ".." + maxMillis);
        }
    }

    /** The value of the element's three bytes. */
    public static PlayoutDelay fromBytes(byte[] b, int off) {
        int v = ((b[off] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off + 2] & 0xFF);
        return new PlayoutDelay((v >>> 12) * 10, (v & 0xFFF) * 10);
    }

    /** The element's three bytes. */
    public byte[] encode() {
        int v = ((minMillis / 10) << 12) | (maxMillis / 10);
        return new byte[] {(byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
