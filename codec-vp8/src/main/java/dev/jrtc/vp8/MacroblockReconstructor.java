package dev.jrtc.vp8;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Forms one macroblock: prediction (intra from the current frame's unfiltered pixels, or inter from
 * a reference) plus the inverse-transformed residue (RFC 6386 12, 14 and 18). Intra macroblocks are
 * built in small workspaces that carry the edge pixels and then copied into the frame; inter
 * macroblocks are predicted into the frame and the residue is added there.
 */
final class MacroblockReconstructor {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Luma workspace: row 0 = above-left, 16 above, 4 above-right; column 0 = left. */
    private static final int YS = 32;
    /** Chroma workspaces: row 0 = above-left and 8 above; column 0 = left. */
    private static final int CS = 16;
    private static final byte ABOVE_OUTSIDE = 127;
    private static final byte LEFT_OUTSIDE = (byte) 129;

    private final byte[] wy = new byte[YS * 17];
    private final byte[] wu = new byte[CS * 9];
    private final byte[] wv = new byte[CS * 9];
    private final int[] edge = new int[13];
    private final int[] tmp = new int[16];
    private final InterPredictor inter = new InterPredictor();

    void startFrame(int version) {
        inter.startFrame(version);
    }

    /**
     * Predicts ahead, for a row of an inter frame whose modes are all parsed, the macroblocks that
     * are whole-pixel copies shared by their neighbours; {@link #reconstruct} then skips their
     * prediction.
     */
    void predictRow(FrameBuffer cur, ReferenceFrames refs, MacroblockInfo info, int row) {
        inter.predictRuns(refs, cur, info, row);
    }

    /** Copies the inter predictor's run counts into {@code s} (for tests). */
    void recordRuns(DecodeStatistics s) {
        s.runMacroblocks = inter.runMacroblocks;
        s.trimmedRuns = inter.trimmedRuns;
    }

    void reconstruct(FrameBuffer cur, ReferenceFrames refs, MacroblockInfo info, int row, int col,
            TokenDecoder tokens, boolean hasCoefficients) {
        int mb = row * info.cols + col;
        int mode = info.yMode[mb];
        int[] coef = tokens.coefficients;
        int[] ends = tokens.ends;
        if (info.refFrame[mb] == 0) {
            loadEdges(cur, info, row, col);
            boolean haveAbove = row > 0;
            boolean haveLeft = col > 0;
            if (mode == ModeTables.B_PRED) {
                predictSubblocks(info, mb, coef, ends, hasCoefficients);
            } else {
                IntraPredictor.predictBlock(wy, YS, 16, mode, haveAbove, haveLeft);
                if (hasCoefficients) {
                    addLumaResidue(coef, ends, true, wy, YS + 1, YS);
                }
            }
            int uvMode = info.uvMode[mb];
            IntraPredictor.predictBlock(wu, CS, 8, uvMode, haveAbove, haveLeft);
            IntraPredictor.predictBlock(wv, CS, 8, uvMode, haveAbove, haveLeft);
            if (hasCoefficients) {
                addChromaResidue(coef, ends, wu, wv, CS + 1, CS);
                clearCoefficients(coef, ends);
            }
            store(cur, row, col);
            return;
        }
        // Inter prediction goes straight into the frame and the residue is added in place: the
        // current buffer is never a reference, and nothing reads this macroblock before it is done.
        int ys = cur.width;
        int yo = row * 16 * ys + col * 16;
        int cs = cur.chromaWidth;
        int co = row * 8 * cs + col * 8;
        if (!inter.predicted(col)) {
            inter.predict(refs.get(info.refFrame[mb]), info, mb, col * 16, row * 16, cur.y, yo, ys,
                    cur.u, cur.v, co, cs);
        }
        if (hasCoefficients) {
            addLumaResidue(coef, ends, mode != ModeTables.SPLITMV, cur.y, yo, ys);
            addChromaResidue(coef, ends, cur.u, cur.v, co, cs);
            clearCoefficients(coef, ends);
        }
    }

    /**
     * Fills the workspace edges from the frame, or with 127 above and 129 left outside it; the
     * rightmost macroblock repeats the last above pixel as its above-right (RFC 6386 12.3).
     */
    private void loadEdges(FrameBuffer cur, MacroblockInfo info, int row, int col) {
        byte[] y = cur.y;
        int ys = cur.width;
        int x0 = col * 16;
        int y0 = row * 16;
        if (row > 0) {
            int a = (y0 - 1) * ys + x0;
            System.arraycopy(y, a, wy, 1, 16);
            if (col < info.cols - 1) {
                System.arraycopy(y, a + 16, wy, 17, 4);
            } else {
                byte last = y[a + 15];
                wy[17] = last;
                wy[18] = last;
                wy[19] = last;
                wy[20] = last;
            }
            wy[0] = col > 0 ? y[a - 1] : LEFT_OUTSIDE;
        } else {
            java.util.Arrays.fill(wy, 0, 21, ABOVE_OUTSIDE);
        }
        if (col > 0) {
            for (int r = 0, s = y0 * ys + x0 - 1; r < 16; r++, s += ys) {
                wy[(r + 1) * YS] = y[s];
            }
        } else {
            for (int r = 1; r <= 16; r++) {
                wy[r * YS] = LEFT_OUTSIDE;
            }
        }
        loadChromaEdges(cur.u, wu, cur.chromaWidth, row, col);
        loadChromaEdges(cur.v, wv, cur.chromaWidth, row, col);
    }

    private static void loadChromaEdges(byte[] p, byte[] w, int cs, int row, int col) {
        int x0 = col * 8;
        int y0 = row * 8;
        if (row > 0) {
            int a = (y0 - 1) * cs + x0;
            System.arraycopy(p, a, w, 1, 8);
            w[0] = col > 0 ? p[a - 1] : LEFT_OUTSIDE;
        } else {
            java.util.Arrays.fill(w, 0, 9, ABOVE_OUTSIDE);
        }
        if (col > 0) {
            for (int r = 0, s = y0 * cs + x0 - 1; r < 8; r++, s += cs) {
                w[(r + 1) * CS] = p[s];
            }
        } else {
            for (int r = 1; r <= 8; r++) {
                w[r * CS] = LEFT_OUTSIDE;
            }
        }
    }

    /** B_PRED: each subblock is predicted from already reconstructed neighbours, then summed. */
    private void predictSubblocks(MacroblockInfo info, int mb, int[] coef, int[] ends,
            boolean hasCoefficients) {
        byte[] w = wy;
        int[] e = edge;
        for (int b = 0; b < 16; b++) {
            int by = b >> 2;
            int bx = b & 3;
            int top = (by * 4) * YS + bx * 4; // the above-left pixel of this subblock
            for (int i = 0; i < 4; i++) {
                e[3 - i] = w[top + (i + 1) * YS] & 0xFF;
            }
            e[4] = w[top] & 0xFF;
            for (int i = 0; i < 4; i++) {
                e[5 + i] = w[top + 1 + i] & 0xFF;
            }
            // Right-column subblocks all use the pixels above-right of the macroblock.
            int ar = bx < 3 ? top + 5 : 17;
            for (int i = 0; i < 4; i++) {
                e[9 + i] = w[ar + i] & 0xFF;
            }
            int o = top + YS + 1;
            IntraPredictor.predictSubblock(e, info.subModes[mb * 16 + b], w, o, YS);
            if (hasCoefficients) {
                addBlock(coef, b, ends[b], w, o, YS);
            }
        }
    }

    /** Adds the luma residue to the 16x16 block at {@code dst[o]}. */
    private void addLumaResidue(int[] coef, int[] ends, boolean hasY2, byte[] dst, int o,
            int stride) {
        if (hasY2) {
            if (ends[24] > 0) {
                Idct.inverseWht(coef, 24 * 16, tmp, coef);
            }
            for (int b = 0; b < 16; b++) {
                int bo = o + (b >> 2) * 4 * stride + (b & 3) * 4;
                if (ends[b] > 0) {
                    Idct.inverseDctAdd(coef, b * 16, tmp, dst, bo, stride);
                } else if (coef[b * 16] != 0) {
                    Idct.inverseDcOnlyAdd(coef[b * 16], dst, bo, stride);
                }
            }
        } else {
            for (int b = 0; b < 16; b++) {
                addBlock(coef, b, ends[b], dst, o + (b >> 2) * 4 * stride + (b & 3) * 4, stride);
            }
        }
    }

    /** Adds the chroma residue to the 8x8 blocks at {@code u[o]} and {@code v[o]}. */
    private void addChromaResidue(int[] coef, int[] ends, byte[] u, byte[] v, int o, int stride) {
        for (int b = 16; b < 24; b++) {
            int i = (b - 16) & 3;
            addBlock(coef, b, ends[b], b < 20 ? u : v, o + (i >> 1) * 4 * stride + (i & 1) * 4,
                    stride);
        }
    }

    /** Adds a block with its own DC: nothing, DC only, or the full inverse DCT. */
    private void addBlock(int[] coef, int b, int end, byte[] w, int o, int stride) {
        if (end > 1) {
            Idct.inverseDctAdd(coef, b * 16, tmp, w, o, stride);
        } else if (end == 1) {
            Idct.inverseDcOnlyAdd(coef[b * 16], w, o, stride);
        }
    }

    /** Zeroes what the token decoder and the WHT wrote, ready for the next macroblock. */
    private static void clearCoefficients(int[] coef, int[] ends) {
        for (int b = 0; b < 25; b++) {
            if (ends[b] > 0) {
                java.util.Arrays.fill(coef, b * 16, b * 16 + 16, 0);
            } else {
                coef[b * 16] = 0;
            }
        }
    }

    /**
     * Copies the workspaces into the frame. Rows are 16 or 8 bytes, too short for
     * {@code System.arraycopy} to pay off, so they move as {@code long}s.
     */
    private void store(FrameBuffer cur, int row, int col) {
        int ys = cur.width;
        byte[] y = cur.y;
        for (int r = 0, d = row * 16 * ys + col * 16, w = YS + 1; r < 16; r++, d += ys, w += YS) {
            LONGS.set(y, d, (long) LONGS.get(wy, w));
            LONGS.set(y, d + 8, (long) LONGS.get(wy, w + 8));
        }
        int cs = cur.chromaWidth;
        byte[] u = cur.u;
        byte[] v = cur.v;
        for (int r = 0, d = row * 8 * cs + col * 8, w = CS + 1; r < 8; r++, d += cs, w += CS) {
            LONGS.set(u, d, (long) LONGS.get(wu, w));
            LONGS.set(v, d, (long) LONGS.get(wv, w));
        }
    }
}
