package dev.jrtc.sctp.assoc;

import java.util.Arrays;

/**
 * The receiver's record of which TSNs arrived (RFC 9260 §6.2): the cumulative TSN ack point, the
 * TSNs received above it (for SACK gap blocks) and duplicates to report.
 *
 * <p>TSNs above the ack point live in a ring bitset that grows on demand up to
 * {@link #MAX_AHEAD} TSNs. In-order arrival never touches it, so an idle or in-order association
 * holds no bitset at all. A TSN further ahead than that is refused: the sender retransmits it once
 * the gap below has closed, and a hostile TSN cannot make the receiver allocate.
 */
public final class TsnTracker {
    /** How far above the ack point a TSN may be. */
    public static final int MAX_AHEAD = 1 << 18;
    private static final int MAX_DUPLICATES = 32;

    /** What {@link #onData} decided. */
    public enum Verdict {
        /** First time seen: keep it. */
        NEW,
        /** Already received: report it in the next SACK and drop it. */
        DUPLICATE,
        /** Too far ahead of the ack point: drop it without a trace. */
        OUT_OF_WINDOW
    }

    private long cumulative;
    private long highest;
    private long[] bits; // null until a TSN arrives out of order
    private int aboveCount; // TSNs marked in bits
    private final long[] duplicates = new long[MAX_DUPLICATES];
    private int duplicateCount;

    /** @param peerInitialTsn the peer's initial TSN; the ack point starts one below it */
    public TsnTracker(long peerInitialTsn) {
        this.cumulative = Tsn.add(peerInitialTsn, -1);
        this.highest = cumulative;
    }

    public long cumulativeTsn() {
        return cumulative;
    }

    public long highestTsn() {
        return highest;
    }

    /** Whether TSNs are missing below the highest received one. */
    public boolean hasGaps() {
        return aboveCount > 0;
    }

    /** Classifies a TSN without recording it (to decide about buffer space first). */
    public Verdict check(long tsn) {
        int d = Tsn.diff(tsn, cumulative);
        if (d <= 0) {
            return Verdict.DUPLICATE;
        }
        if (d > MAX_AHEAD) {
            return Verdict.OUT_OF_WINDOW;
        }
        if (d > 1 && d < capacity() && isSet(tsn)) {
            return Verdict.DUPLICATE;
        }
        return Verdict.NEW;
    }

    /** Records a duplicate for the next SACK (§6.4; a few per SACK are enough). */
    public void recordDuplicate(long tsn) {
        if (duplicateCount < MAX_DUPLICATES) {
            duplicates[duplicateCount++] = tsn;
        }
    }

    /** Records a TSN that {@link #check} called {@link Verdict#NEW}. */
    public void mark(long tsn) {
        int d = Tsn.diff(tsn, cumulative);
        if (Tsn.lt(highest, tsn)) {
            highest = tsn;
        }
        if (d == 1 && aboveCount == 0) {
            cumulative = tsn; // the common case: in order, nothing above
            return;
        }
        ensureCapacity(d);
        set(tsn);
        aboveCount++;
        advance();
    }

    /**
     * A FORWARD TSN moved the ack point (RFC 3758 §3.6): everything up to {@code newCumulative} is
     * treated as received.
     */
    public void forwardTo(long newCumulative) {
        int d = Tsn.diff(newCumulative, cumulative);
        if (d <= 0) {
            return;
        }
        if (aboveCount > 0) {
            if (d >= capacity()) {
                Arrays.fill(bits, 0);
                aboveCount = 0;
            } else {
                for (long t = Tsn.add(cumulative, 1); d > 0; t = Tsn.add(t, 1), d--) {
                    if (isSet(t)) {
                        clear(t);
                        aboveCount--;
                    }
                }
            }
        }
        cumulative = newCumulative;
        if (Tsn.lt(highest, cumulative)) {
            highest = cumulative;
        }
        advance();
    }

    private void advance() {
        while (aboveCount > 0) {
            long next = Tsn.add(cumulative, 1);
            if (!isSet(next)) {
                return;
            }
            clear(next);
            aboveCount--;
            cumulative = next;
        }
    }

    /**
     * The gap ack blocks for a SACK: start and end offsets from the ack point, in pairs, at most
     * {@code maxBlocks} of them.
     */
    public int[] gapBlocks(int maxBlocks) {
        if (aboveCount == 0) {
            return EMPTY_INTS;
        }
        int[] out = new int[Math.min(maxBlocks, aboveCount) * 2];
        int n = 0;
        int span = Tsn.diff(highest, cumulative);
        int off = 2; // offset 1 is missing, or the ack point would be past it
        while (off <= span && n < out.length) {
            off = nextSet(off, span);
            if (off < 0) {
                break;
            }
            int start = off;
            while (off + 1 <= span && isSet(Tsn.add(cumulative, off + 1))) {
                off++;
            }
            out[n++] = start;
            out[n++] = off;
            off += 2;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private int nextSet(int fromOffset, int span) {
        for (int off = fromOffset; off <= span; off++) {
            long t = Tsn.add(cumulative, off);
            int idx = index(t);
            long word = bits[idx >>> 6] >>> (idx & 63);
            if (word == 0) {
                off += 63 - (idx & 63); // skip the rest of this word
                continue;
            }
            int skip = Long.numberOfTrailingZeros(word);
            if (off + skip <= span) {
                return off + skip;
            }
            return -1;
        }
        return -1;
    }

    /** The duplicates seen since the last call, which clears them. */
    public long[] drainDuplicates() {
        if (duplicateCount == 0) {
            return EMPTY_LONGS;
        }
        long[] out = Arrays.copyOf(duplicates, duplicateCount);
        duplicateCount = 0;
        return out;
    }

    public boolean hasDuplicates() {
        return duplicateCount > 0;
    }

    /** Bytes of bitset held, for memory accounting in tests. */
    public int bitsetBytes() {
        return bits == null ? 0 : bits.length * 8;
    }

    private int capacity() {
        return bits == null ? 0 : bits.length * 64;
    }

    private void ensureCapacity(int offset) {
        if (offset < capacity()) {
            return;
        }
        int cap = Math.max(256, Integer.highestOneBit(offset) << 1);
        long[] old = bits;
        int oldCap = capacity();
        bits = new long[cap / 64];
        if (old != null && aboveCount > 0) {
            for (int off = 1; off < oldCap; off++) {
                long t = Tsn.add(cumulative, off);
                int i = (int) (t & (oldCap - 1));
                if ((old[i >>> 6] & (1L << (i & 63))) != 0) {
                    set(t);
                }
            }
        }
    }

    private int index(long tsn) {
        return (int) (tsn & (capacity() - 1));
    }

    private boolean isSet(long tsn) {
        if (bits == null) {
            return false;
        }
        int i = index(tsn);
        return (bits[i >>> 6] & (1L << (i & 63))) != 0;
    }

    private void set(long tsn) {
        int i = index(tsn);
        bits[i >>> 6] |= 1L << (i & 63);
    }

    private void clear(long tsn) {
        int i = index(tsn);
        bits[i >>> 6] &= ~(1L << (i & 63));
    }

    private static final int[] EMPTY_INTS = new int[0];
    private static final long[] EMPTY_LONGS = new long[0];
}
