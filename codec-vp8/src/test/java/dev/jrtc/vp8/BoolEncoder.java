package dev.jrtc.vp8;

import java.io.ByteArrayOutputStream;

/** The boolean entropy encoder of RFC 6386 section 7.3, used to make test input for the decoder. */
final class BoolEncoder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int range = 255;
    private int bottom;
    private int bitCount = 24;
    private byte[] buf = new byte[0];
    private int pos;

    private void addOneToOutput() {
        int i = pos - 1;
        while (i >= 0 && buf[i] == (byte) 0xFF) {
            buf[i] = 0;
            i--;
        }
        buf[i]++;
    }

    private void put(int b) {
        if (pos == buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(16, buf.length * 2));
        }
        buf[pos++] = (byte) b;
    }

    void writeBool(int prob, boolean value) {
        int split = 1 + (((range - 1) * prob) >> 8);
        if (value) {
            bottom += split;
            range -= split;
        } else {
            range = split;
        }
        while (range < 128) {
            range <<= 1;
            if ((bottom & (1 << 31)) != 0) {
                addOneToOutput();
            }
            bottom <<= 1;
            if (--bitCount == 0) {
                put((bottom >>> 24) & 0xFF);
                bottom &= (1 << 24) - 1;
                bitCount = 8;
            }
        }
    }

    void writeLiteral(int value, int bits) {
        for (int b = bits - 1; b >= 0; b--) {
            writeBool(128, ((value >> b) & 1) != 0);
        }
    }

    /** Writes {@code value} with a tree (RFC 6386 8.1) by searching for its leaf. */
    void writeTree(int[] tree, int[] probs, int off, int value) {
        int[] path = new int[32];
        int depth = find(tree, 0, value, path, 0);
        if (depth < 0) {
            throw new IllegalArgumentException("value not in tree: " + value);
        }
        int node = 0;
        for (int d = 0; d < depth; d++) {
            writeBool(probs[off + (node >> 1)], path[d] == 1);
            node = tree[node + path[d]];
        }
    }

    private static int find(int[] tree, int node, int value, int[] path, int depth) {
        for (int bit = 0; bit < 2; bit++) {
            int next = tree[node + bit];
            path[depth] = bit;
            if (next <= 0 && -next == value) {
                return depth + 1;
            }
            if (next > 0) {
                int d = find(tree, next, value, path, depth + 1);
                if (d >= 0) {
                    return d;
                }
            }
        }
        return -1;
    }

    /** Flushes (RFC 6386 7.3: 32 more zero bits of padding) and returns the coded bytes. */
    byte[] finish() {
        for (int i = 0; i < 32; i++) {
            writeBool(128, false);
        }
        return java.util.Arrays.copyOf(buf, pos);
    }
}
