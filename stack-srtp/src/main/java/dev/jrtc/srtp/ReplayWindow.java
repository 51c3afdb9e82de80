package dev.jrtc.srtp;

/**
 * A sliding replay window over packet indices (RFC 3711 §3.3.2): it remembers which of the last
 * {@code size} indices below the highest one have been accepted.
 *
 * <p>The bitmap is a ring indexed by {@code index mod size}, so moving the window forward clears
 * only the bits it passes over and never shifts the whole map. {@link #check} is separate from
 * {@link #accept} so that the caller can authenticate in between: only an authenticated packet
 * may move the window.
 */
public final class ReplayWindow {
    /** Results of {@link #check}. */
    public static final int OK = 0;
    public static final int REPLAYED = 1;
    public static final int TOO_OLD = 2;

    private final int size;
    private final long[] bits;
    private long highest = -1;

    /**
     * @param size the number of indices remembered: a power of two, at least 64
     * @throws IllegalArgumentException otherwise
     */
    public ReplayWindow(int size) {
        if (size < 64 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("replay window size must be a power of two >= 64, got " + size);
        }
        this.size = size;
        this.bits = new long[size >>> 6];
    }

    /** The number of indices the window remembers. */
    public int size() {
        return size;
    }

    /** The highest index accepted so far, or -1 if none. */
    public long highest() {
        return highest;
    }

    /** Whether {@code index} (non-negative) would be new: {@link #OK}, {@link #REPLAYED} or {@link #TOO_OLD}. */
    public int check(long index) {
        if (index > highest) {
            return OK;
        }
        if (highest - index >= size) {
            return TOO_OLD;
        }
        return isSet(index) ? REPLAYED : OK;
    }

    /** Records {@code index} as received; call only after {@link #check} said OK and the packet authenticated. */
    public void accept(long index) {
        if (index > highest) {
            long delta = highest < 0 ? size : index - highest;
            if (delta >= size) {
                java.util.Arrays.fill(bits, 0L);
            } else {
                for (long i = highest + 1; i < index; i++) {
                    clear(i);
                }
            }
            highest = index;
        }
        set(index);
    }

    private boolean isSet(long index) {
        int bit = (int) (index & (size - 1));
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }

    private void set(long index) {
        int bit = (int) (index & (size - 1));
        bits[bit >>> 6] |= 1L << bit;
    }

    private void clear(long index) {
        int bit = (int) (index & (size - 1));
        bits[bit >>> 6] &= ~(1L << bit);
    }
}
