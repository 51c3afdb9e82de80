package dev.jrtc.vp8;

/**
 * Builds the inter prediction of a macroblock from a reference frame (RFC 6386 18): one 16x16
 * luma and two 8x8 chroma blocks, or, for SPLITMV, per-subblock luma vectors and chroma vectors
 * averaged from four luma vectors each.
 */
final class InterPredictor {
    private static final int EDGE_STRIDE = 32;

    private final SubpixelFilter filter = new SubpixelFilter();
    /** Edge-clamped copy of a reference region: up to (16 + 5) x (16 + 5) pixels. */
    private final byte[] edge = new byte[EDGE_STRIDE * 21];

    private boolean bilinear;
    private boolean fullPixelChroma;
    /** Per column of the current row: whether {@link #predictRuns} wrote the prediction. */
    private boolean[] predicted = new boolean[0];
    /** Macroblocks predicted as part of a run, and runs cut short by the picture edge (tests). */
    long runMacroblocks;
    long trimmedRuns;

    /** Version 0 uses the six-tap filter; 1-3 bilinear; 3 also whole-pixel chroma (9.1). */
    void startFrame(int version) {
        bilinear = version == 1 || version == 2 || version == 3;
        fullPixelChroma = version == 3;
    }

    /**
     * Predicts the macroblock at ({@code mbx}, {@code mby}) pixels into the luma workspace
     * {@code wy} (origin {@code yOff}, stride {@code yStride}) and the chroma workspaces.
     */
    void predict(FrameBuffer ref, MacroblockInfo info, int mb, int mbx, int mby, byte[] wy,
            int yOff, int yStride, byte[] wu, byte[] wv, int uvOff, int uvStride) {
        if (info.yMode[mb] != ModeTables.SPLITMV) {
            int mv = info.mv[mb];
            int row = MacroblockInfo.mvRow(mv);
            int col = MacroblockInfo.mvCol(mv);
            block(ref.y, ref.width, ref.height, mbx + (col >> 3), mby + (row >> 3), col & 7, row & 7,
                    wy, yOff, yStride, 16, 16);
            int cRow = chroma(4 * row);
            int cCol = chroma(4 * col);
            int cx = (mbx >> 1) + (cCol >> 3);
            int cy = (mby >> 1) + (cRow >> 3);
            block(ref.u, ref.chromaWidth, ref.chromaHeight, cx, cy, cCol & 7, cRow & 7, wu, uvOff,
                    uvStride, 8, 8);
            block(ref.v, ref.chromaWidth, ref.chromaHeight, cx, cy, cCol & 7, cRow & 7, wv, uvOff,
                    uvStride, 8, 8);
            return;
        }
        int[] sub = info.subMvs;
        int base = mb * 16;
        for (int q = 0; q < 4; q++) {
            int qy = (q >> 1) * 2;
            int qx = (q & 1) * 2;
            int b0 = base + qy * 4 + qx;
            int m0 = sub[b0];
            int m1 = sub[b0 + 1];
            int m2 = sub[b0 + 4];
            int m3 = sub[b0 + 5];
            if (m0 == m1 && m0 == m2 && m0 == m3) {
                // The same vector over an 8x8 quarter gives the same pixels as four 4x4 blocks.
                lumaBlock(ref, m0, mbx + qx * 4, mby + qy * 4, wy, yOff + qy * 4 * yStride + qx * 4,
                        yStride, 8);
            } else {
                lumaBlock(ref, m0, mbx + qx * 4, mby + qy * 4, wy, yOff + qy * 4 * yStride + qx * 4,
                        yStride, 4);
                lumaBlock(ref, m1, mbx + qx * 4 + 4, mby + qy * 4, wy,
                        yOff + qy * 4 * yStride + qx * 4 + 4, yStride, 4);
                lumaBlock(ref, m2, mbx + qx * 4, mby + qy * 4 + 4, wy,
                        yOff + (qy * 4 + 4) * yStride + qx * 4, yStride, 4);
                lumaBlock(ref, m3, mbx + qx * 4 + 4, mby + qy * 4 + 4, wy,
                        yOff + (qy * 4 + 4) * yStride + qx * 4 + 4, yStride, 4);
            }
            // Chroma 4x4 block q averages the vectors of the four luma subblocks it covers.
            int sRow = MacroblockInfo.mvRow(m0) + MacroblockInfo.mvRow(m1) + MacroblockInfo.mvRow(m2)
                    + MacroblockInfo.mvRow(m3);
            int sCol = MacroblockInfo.mvCol(m0) + MacroblockInfo.mvCol(m1) + MacroblockInfo.mvCol(m2)
                    + MacroblockInfo.mvCol(m3);
            int cRow = chroma(sRow);
            int cCol = chroma(sCol);
            int cx = (mbx >> 1) + qx * 2 + (cCol >> 3);
            int cy = (mby >> 1) + qy * 2 + (cRow >> 3);
            int o = uvOff + qy * 2 * uvStride + qx * 2;
            block(ref.u, ref.chromaWidth, ref.chromaHeight, cx, cy, cCol & 7, cRow & 7, wu, o,
                    uvStride, 4, 4);
            block(ref.v, ref.chromaWidth, ref.chromaHeight, cx, cy, cCol & 7, cRow & 7, wv, o,
                    uvStride, 4, 4);
        }
    }

    /**
     * Predicts, for one macroblock row of an inter frame, the runs of two or more neighbouring
     * macroblocks that use the same reference and the same whole-pixel vector (luma and chroma)
     * with their source inside the picture. Such a run is one rectangle of the reference, moved a
     * row at a time with {@code System.arraycopy}: long rows move several times faster than the
     * 16- and 8-byte rows of single macroblocks, and these copies were a fifth of the decode time.
     * Must be called after the row's modes are parsed; {@link #predicted} then tells which
     * macroblocks are done.
     */
    void predictRuns(ReferenceFrames refs, FrameBuffer cur, MacroblockInfo info, int row) {
        int cols = info.cols;
        if (predicted.length < cols) {
            predicted = new boolean[cols];
        }
        boolean[] done = predicted;
        java.util.Arrays.fill(done, 0, cols, false);
        int base = row * cols;
        int col = 0;
        while (col < cols) {
            int mb = base + col;
            int ref = info.refFrame[mb];
            int mv = info.mv[mb];
            int end = col + 1;
            if (ref != 0 && info.yMode[mb] != ModeTables.SPLITMV) {
                while (end < cols && info.refFrame[base + end] == ref && info.mv[base + end] == mv
                        && info.yMode[base + end] != ModeTables.SPLITMV) {
                    end++;
                }
                if (end - col >= 2) {
                    copyRun(refs.get(ref), cur, mv, row, col, end, done);
                }
            }
            col = end;
        }
    }

    /** Whether {@link #predictRuns} already predicted the macroblock in column {@code col}. */
    boolean predicted(int col) {
        return predicted[col];
    }

    /** Copies the part of the run [{@code from}, {@code to}) whose source is inside the picture. */
    private void copyRun(FrameBuffer ref, FrameBuffer cur, int mv, int row, int from, int to,
            boolean[] done) {
        int row8 = MacroblockInfo.mvRow(mv);
        int col8 = MacroblockInfo.mvCol(mv);
        int cRow = chroma(4 * row8);
        int cCol = chroma(4 * col8);
        if (((row8 | col8 | cRow | cCol) & 7) != 0) {
            return; // a sub-pixel position in some plane: filtered per macroblock
        }
        int dy = row8 >> 3;
        int dx = col8 >> 3;
        int cdy = cRow >> 3;
        int cdx = cCol >> 3;
        int pw = ref.width;
        int cw = ref.chromaWidth;
        int y = row * 16 + dy;
        int cy = row * 8 + cdy;
        if (y < 0 || y + 16 > ref.height || cy < 0 || cy + 8 > ref.chromaHeight) {
            return;
        }
        // Columns whose luma and chroma sources lie inside the picture.
        int lo = Math.max(from, Math.max(-Math.floorDiv(dx, 16), -Math.floorDiv(cdx, 8)));
        int hi = Math.min(to, Math.min(Math.floorDiv(pw - dx, 16), Math.floorDiv(cw - cdx, 8)));
        if (hi - lo < 2) {
            return;
        }
        int n = hi - lo;
        for (int r = 0, s = y * pw + lo * 16 + dx, d = row * 16 * pw + lo * 16; r < 16;
                r++, s += pw, d += pw) {
            System.arraycopy(ref.y, s, cur.y, d, n * 16);
        }
        for (int r = 0, s = cy * cw + lo * 8 + cdx, d = row * 8 * cw + lo * 8; r < 8;
                r++, s += cw, d += cw) {
            System.arraycopy(ref.u, s, cur.u, d, n * 8);
            System.arraycopy(ref.v, s, cur.v, d, n * 8);
        }
        java.util.Arrays.fill(done, lo, hi, true);
        runMacroblocks += n;
        if (n < to - from) {
            trimmedRuns++;
        }
    }

    /**
     * A chroma vector component from the sum of four luma components: their average, halved for
     * the half-resolution planes, rounded away from zero (RFC 6386 18.1); whole pixels only in
     * version 3.
     */
    private int chroma(int sum) {
        int v = sum >= 0 ? (sum + 4) >> 3 : -((-sum + 4) >> 3);
        return fullPixelChroma ? v & ~7 : v;
    }

    private void lumaBlock(FrameBuffer ref, int mv, int x, int y, byte[] dst, int dOff, int dStride,
            int size) {
        int row = MacroblockInfo.mvRow(mv);
        int col = MacroblockInfo.mvCol(mv);
        block(ref.y, ref.width, ref.height, x + (col >> 3), y + (row >> 3), col & 7, row & 7, dst, dOff,
                dStride, size, size);
    }

    private void block(byte[] plane, int pw, int ph, int x, int y, int fx, int fy, byte[] dst,
            int dOff, int dStride, int w, int h) {
        if (x >= 2 && y >= 2 && x + w + 3 <= pw && y + h + 3 <= ph) {
            filter.predict(bilinear, plane, y * pw + x, pw, fx, fy, dst, dOff, dStride, w, h);
            return;
        }
        // Near or beyond the edge: copy the region with clamped coordinates first. Each row is the
        // first pixel repeated, the part inside the picture, then the last pixel repeated.
        byte[] e = edge;
        int x0 = x - 2;
        int cols = w + 5;
        int left = Math.min(cols, Math.max(0, -x0)); // columns left of the picture
        int right = Math.min(cols, Math.max(0, pw - x0)); // the first column right of it
        for (int r = 0; r < h + 5; r++) {
            int sy = y - 2 + r;
            sy = sy < 0 ? 0 : (sy >= ph ? ph - 1 : sy);
            int rowOff = sy * pw;
            int o = r * EDGE_STRIDE;
            java.util.Arrays.fill(e, o, o + left, plane[rowOff]);
            if (right > left) {
                System.arraycopy(plane, rowOff + x0 + left, e, o + left, right - left);
            }
            java.util.Arrays.fill(e, o + right, o + cols, plane[rowOff + pw - 1]);
        }
        filter.predict(bilinear, e, 2 * EDGE_STRIDE + 2, EDGE_STRIDE, fx, fy, dst, dOff, dStride, w, h);
    }
}
