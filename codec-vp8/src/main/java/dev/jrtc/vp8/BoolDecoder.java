package dev.jrtc.vp8;

/**
 * The boolean entropy decoder of RFC 6386 section 7.
 *
 * <p>Instead of the RFC's two-byte window this keeps up to seven bytes of look-ahead in a
 * {@code long}: the 8-bit comparison window sits at bit {@code bits}, and {@code value} is always
 * below {@code range << bits} for a well-formed stream. Past the end of its data it reads zero bytes
 * (as the RFC's reference decoder does) and counts them, so that a caller can tell a truncated
 * partition from one that merely ended ({@link #overran()}).
 */
final class BoolDecoder {
    private byte[] data;
    private int pos;
    private int end;
    private int length;
    private long value;
    private int bits;
    private int range;
    private int loadedBytes;

    /** Starts decoding {@code len} bytes of {@code data} at {@code off}. */
    void init(byte[] data, int off, int len) {
        this.data = data;
        this.pos = off;
        this.end = off + len;
        this.length = len;
        this.value = 0;
        this.bits = -8;
        this.range = 255;
        this.loadedBytes = 0;
        fill();
    }

    private void fill() {
        long v = value;
        int b = bits;
        int p = pos;
        int loaded = loadedBytes;
        while (b <= 40) {
            int next = p < end ? data[p++] & 0xFF : 0;
            v = (v << 8) | next;
            b += 8;
            loaded++;
        }
        value = v;
        bits = b;
        pos = p;
        loadedBytes = loaded;
    }

    /** Decodes one bool whose probability of being 0 is {@code prob}/256 (RFC 6386 7.3). */
    int readBool(int prob) {
        int split = 1 + (((range - 1) * prob) >> 8);
        if (bits < 0) {
            fill();
        }
        long bigSplit = (long) split << bits;
        int bit;
        if (value >= bigSplit) {
            range -= split;
            value -= bigSplit;
            bit = 1;
        } else {
            range = split;
            bit = 0;
        }
        // Renormalise so that range is again in 128..255.
        int shift = Integer.numberOfLeadingZeros(range) - 24;
        range <<= shift;
        bits -= shift;
        return bit;
    }

    /** Decodes a bool with probability one half. */
    int readBit() {
        return readBool(128);
    }

    /** Decodes an unsigned {@code n}-bit literal, most significant bit first (RFC 6386 8). */
    int readLiteral(int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | readBool(128);
        }
        return v;
    }

    /** Decodes a magnitude of {@code n} bits followed by a sign bit, as header deltas are coded. */
    int readSigned(int n) {
        int v = readLiteral(n);
        return readBool(128) != 0 ? -v : v;
    }

    /** Reads a flag; if set, a signed {@code n}-bit value, else 0. */
    int readOptionalSigned(int n) {
        return readBool(128) != 0 ? readSigned(n) : 0;
    }

    /**
     * Decodes a tree-coded value (RFC 6386 8.1): positive entries index the next node pair, leaves
     * are negated values, and node {@code i} uses probability {@code probs[off + i / 2]}.
     */
    int readTree(int[] tree, int[] probs, int off) {
        int i = 0;
        while ((i = tree[i + readBool(probs[off + (i >> 1)])]) > 0) {
            // walk down the tree
        }
        return -i;
    }

    /** Like {@link #readTree(int[], int[], int)} but starting at node {@code start}. */
    int readTree(int[] tree, int[] probs, int off, int start) {
        int i = start;
        while ((i = tree[i + readBool(probs[off + (i >> 1)])]) > 0) {
            // walk down the tree
        }
        return -i;
    }

    /**
     * Whether decoding has consumed well past the end of the data: the comparison window lies more
     * than four bytes beyond the last real byte. A conforming encoder pads its partitions, so this
     * means the partition was truncated or its size field was corrupt.
     */
    boolean overran() {
        long windowStartBits = (long) loadedBytes * 8 - bits - 8;
        return windowStartBits > (long) (length + 4) * 8;
    }
}
