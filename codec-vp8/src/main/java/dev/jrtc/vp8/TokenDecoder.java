package dev.jrtc.vp8;

/**
 * Decodes and dequantizes the DCT/WHT coefficients of one macroblock (RFC 6386 13 and 14.1).
 *
 * <p>Blocks 0-15 are Y, 16-19 U, 20-23 V and 24 the Y2 (WHT) block. For each block it records in
 * {@link #ends} the position after the last decoded token (0 when the block ends at once), which
 * both feeds the "has non-zero data" context of later blocks and lets reconstruction skip or
 * shortcut the inverse transforms.
 */
final class TokenDecoder {
    static final int BLOCK_Y_AFTER_Y2 = 0;
    static final int BLOCK_Y2 = 1;
    static final int BLOCK_UV = 2;
    static final int BLOCK_Y_WITH_DC = 3;

    /** Dequantized coefficients in raster order, {@code [block * 16 + position]}. */
    final int[] coefficients = new int[25 * 16];
    /** Per block: the position after the last token, or 0 if the block had none. */
    final int[] ends = new int[25];

    /** Above contexts: 9 per macroblock column (4 Y, 2 U, 2 V, 1 Y2). */
    private byte[] above = new byte[0];
    /** Left contexts of the current row. */
    private final byte[] left = new byte[9];

    void startFrame(int cols) {
        if (above.length != cols * 9) {
            above = new byte[cols * 9];
        } else {
            java.util.Arrays.fill(above, (byte) 0);
        }
    }

    void startRow() {
        java.util.Arrays.fill(left, (byte) 0);
    }

    /**
     * A macroblock without coefficients resets its contexts; the Y2 context survives when the
     * macroblock has no Y2 block (RFC 6386 13.3).
     */
    void skipMacroblock(int col, boolean hasY2) {
        int a = col * 9;
        for (int i = 0; i < 8; i++) {
            above[a + i] = 0;
            left[i] = 0;
        }
        if (hasY2) {
            above[a + 8] = 0;
            left[8] = 0;
        }
        java.util.Arrays.fill(ends, 0);
    }

    /**
     * Decodes all blocks of a macroblock. Returns whether any block had a token other than an
     * immediate end of block.
     */
    boolean decodeMacroblock(BoolDecoder bd, int[] probs, int col, boolean hasY2, int[] q, int qOff) {
        int a = col * 9;
        byte[] ab = above;
        byte[] lb = left;
        int[] out = coefficients;
        boolean any = false;
        int firstY;
        int yType;
        if (hasY2) {
            int ctx = ab[a + 8] + lb[8];
            int end = decodeBlock(bd, probs, BLOCK_Y2, ctx, 0, out, 24 * 16,
                    q[qOff + Quantizer.Y2_DC], q[qOff + Quantizer.Y2_AC]);
            byte nz = (byte) (end > 0 ? 1 : 0);
            ab[a + 8] = nz;
            lb[8] = nz;
            ends[24] = end;
            any = end > 0;
            firstY = 1;
            yType = BLOCK_Y_AFTER_Y2;
        } else {
            ends[24] = 0;
            firstY = 0;
            yType = BLOCK_Y_WITH_DC;
        }
        int yDc = q[qOff + Quantizer.Y1_DC];
        int yAc = q[qOff + Quantizer.Y1_AC];
        for (int b = 0; b < 16; b++) {
            int ai = a + (b & 3);
            int li = b >> 2;
            int end = decodeBlock(bd, probs, yType, ab[ai] + lb[li], firstY, out, b * 16, yDc, yAc);
            byte nz = (byte) (end > 0 ? 1 : 0);
            ab[ai] = nz;
            lb[li] = nz;
            ends[b] = end;
            any |= end > 0;
        }
        int uvDc = q[qOff + Quantizer.UV_DC];
        int uvAc = q[qOff + Quantizer.UV_AC];
        for (int b = 16; b < 24; b++) {
            int plane = b < 20 ? 4 : 6;
            int i = (b - 16) & 3;
            int ai = a + plane + (i & 1);
            int li = plane + (i >> 1);
            int end = decodeBlock(bd, probs, BLOCK_UV, ab[ai] + lb[li], 0, out, b * 16, uvDc, uvAc);
            byte nz = (byte) (end > 0 ? 1 : 0);
            ab[ai] = nz;
            lb[li] = nz;
            ends[b] = end;
            any |= end > 0;
        }
        return any;
    }

    /**
     * Decodes one block's tokens (RFC 6386 13.2) starting at position {@code first}, writing
     * dequantized values (truncated to 16 bits, as the reference decoder stores them).
     */
    static int decodeBlock(BoolDecoder bd, int[] probs, int type, int ctx, int first, int[] out,
            int outOff, int dcFactor, int acFactor) {
        int i = first;
        int p = CoefficientTables.index(type, CoefficientTables.BANDS[i], ctx);
        if (bd.readBool(probs[p]) == 0) {
            return 0;
        }
        while (true) {
            // The EOB branch has been passed: a zero or a non-zero token follows.
            if (bd.readBool(probs[p + 1]) == 0) {
                // DCT_0: no end of block may follow, so the next token skips the EOB branch.
                if (++i == 16) {
                    return 16;
                }
                p = CoefficientTables.index(type, CoefficientTables.BANDS[i], 0);
                continue;
            }
            int v;
            int nextCtx;
            if (bd.readBool(probs[p + 2]) == 0) {
                v = 1;
                nextCtx = 1;
            } else {
                nextCtx = 2;
                if (bd.readBool(probs[p + 3]) == 0) {
                    if (bd.readBool(probs[p + 4]) == 0) {
                        v = 2;
                    } else {
                        v = 3 + bd.readBool(probs[p + 5]);
                    }
                } else if (bd.readBool(probs[p + 6]) == 0) {
                    if (bd.readBool(probs[p + 7]) == 0) {
                        v = 5 + bd.readBool(159);
                    } else {
                        v = 7 + (bd.readBool(165) << 1);
                        v += bd.readBool(145);
                    }
                } else if (bd.readBool(probs[p + 8]) == 0) {
                    if (bd.readBool(probs[p + 9]) == 0) {
                        v = 11 + extra(bd, CAT3);
                    } else {
                        v = 19 + extra(bd, CAT4);
                    }
                } else if (bd.readBool(probs[p + 10]) == 0) {
                    v = 35 + extra(bd, CAT5);
                } else {
                    v = 67 + extra(bd, CAT6);
                }
            }
            if (bd.readBool(128) != 0) {
                v = -v;
            }
            out[outOff + CoefficientTables.ZIGZAG[i]] = (short) (v * (i > 0 ? acFactor : dcFactor));
            if (++i == 16) {
                return 16;
            }
            p = CoefficientTables.index(type, CoefficientTables.BANDS[i], nextCtx);
            if (bd.readBool(probs[p]) == 0) {
                return i;
            }
        }
    }

    // Extra-bit probabilities of the larger token categories (RFC 6386 13.2).
    private static final int[] CAT3 = {173, 148, 140};
    private static final int[] CAT4 = {176, 155, 140, 135};
    private static final int[] CAT5 = {180, 157, 141, 134, 130};
    private static final int[] CAT6 = {254, 254, 243, 230, 196, 177, 153, 140, 133, 130, 129};

    private static int extra(BoolDecoder bd, int[] probs) {
        int v = 0;
        for (int p : probs) {
            v = (v << 1) | bd.readBool(p);
        }
        return v;
    }
}
