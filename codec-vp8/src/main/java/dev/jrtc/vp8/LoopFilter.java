package dev.jrtc.vp8;

/**
 * The normal and simple loop filters (RFC 6386 15), applied a macroblock row at a time in raster
 * order. Each macroblock filters its left and top macroblock edges and, unless it has no
 * coefficients and is neither B_PRED nor SPLITMV, its inner subblock edges. The simple filter
 * touches luma only.
 */
final class LoopFilter {
    private final int[] interiorLimit = new int[64];
    private final int[] hevThreshold = new int[64];
    private boolean simple;

    /** Computes the per-level limits for a frame (RFC 6386 15.4). */
    void startFrame(LoopFilterParams lf, boolean keyFrame) {
        simple = lf.simple;
        int sharpness = lf.sharpness;
        for (int level = 0; level < 64; level++) {
            int interior = level;
            if (sharpness > 0) {
                interior >>= sharpness > 4 ? 2 : 1;
                if (interior > 9 - sharpness) {
                    interior = 9 - sharpness;
                }
            }
            if (interior < 1) {
                interior = 1;
            }
            interiorLimit[level] = interior;
            int hev = 0;
            if (keyFrame) {
                if (level >= 40) {
                    hev = 2;
                } else if (level >= 15) {
                    hev = 1;
                }
            } else if (level >= 40) {
                hev = 3;
            } else if (level >= 20) {
                hev = 2;
            } else if (level >= 15) {
                hev = 1;
            }
            hevThreshold[level] = hev;
        }
    }

    /** Filters all macroblocks of one row. */
    void filterRow(FrameBuffer f, MacroblockInfo info, int row) {
        int cols = info.cols;
        for (int col = 0; col < cols; col++) {
            int mb = row * cols + col;
            int level = info.filterLevel[mb];
            if (level == 0) {
                continue;
            }
            int interior = interiorLimit[level];
            int mbLimit = ((level + 2) * 2) + interior;
            int subLimit = (level * 2) + interior;
            boolean inner = !info.skipInnerEdges[mb];
            int ys = f.width;
            int yo = row * 16 * ys + col * 16;
            if (simple) {
                if (col > 0) {
                    simpleEdge(f.y, yo, 1, ys, 16, mbLimit);
                }
                if (inner) {
                    simpleEdge(f.y, yo + 4, 1, ys, 16, subLimit);
                    simpleEdge(f.y, yo + 8, 1, ys, 16, subLimit);
                    simpleEdge(f.y, yo + 12, 1, ys, 16, subLimit);
                }
                if (row > 0) {
                    simpleEdge(f.y, yo, ys, 1, 16, mbLimit);
                }
                if (inner) {
                    simpleEdge(f.y, yo + 4 * ys, ys, 1, 16, subLimit);
                    simpleEdge(f.y, yo + 8 * ys, ys, 1, 16, subLimit);
                    simpleEdge(f.y, yo + 12 * ys, ys, 1, 16, subLimit);
                }
                continue;
            }
            int hev = hevThreshold[level];
            int cs = f.chromaWidth;
            int co = row * 8 * cs + col * 8;
            if (col > 0) {
                mbEdge(f.y, yo, 1, ys, 16, mbLimit, interior, hev);
                mbEdge(f.u, co, 1, cs, 8, mbLimit, interior, hev);
                mbEdge(f.v, co, 1, cs, 8, mbLimit, interior, hev);
            }
            if (inner) {
                subblockEdge(f.y, yo + 4, 1, ys, 16, subLimit, interior, hev);
                subblockEdge(f.y, yo + 8, 1, ys, 16, subLimit, interior, hev);
                subblockEdge(f.y, yo + 12, 1, ys, 16, subLimit, interior, hev);
                subblockEdge(f.u, co + 4, 1, cs, 8, subLimit, interior, hev);
                subblockEdge(f.v, co + 4, 1, cs, 8, subLimit, interior, hev);
            }
            if (row > 0) {
                mbEdge(f.y, yo, ys, 1, 16, mbLimit, interior, hev);
                mbEdge(f.u, co, cs, 1, 8, mbLimit, interior, hev);
                mbEdge(f.v, co, cs, 1, 8, mbLimit, interior, hev);
            }
            if (inner) {
                subblockEdge(f.y, yo + 4 * ys, ys, 1, 16, subLimit, interior, hev);
                subblockEdge(f.y, yo + 8 * ys, ys, 1, 16, subLimit, interior, hev);
                subblockEdge(f.y, yo + 12 * ys, ys, 1, 16, subLimit, interior, hev);
                subblockEdge(f.u, co + 4 * cs, cs, 1, 8, subLimit, interior, hev);
                subblockEdge(f.v, co + 4 * cs, cs, 1, 8, subLimit, interior, hev);
            }
        }
    }

    /** Clamps to the signed 8-bit range (the RFC's {@code c()}); branch-free. */
    private static int c(int v) {
        return Math.min(127, Math.max(-128, v));
    }

    /*
     * The filters below compute the RFC's decisions (filter_yes, hev) as all-ones/all-zero masks
     * and apply them arithmetically, which gives the same pixels as the RFC's branches: a masked
     * adjustment is zero. Pixels are handled as signed values (pixel - 128), as in the RFC.
     */

    /**
     * Filters {@code n} segments across an edge: {@code o} is the first pixel after the edge,
     * {@code step} crosses the edge, {@code along} moves to the next segment.
     */
    static void simpleEdge(byte[] s, int o, int step, int along, int n, int edgeLimit) {
        for (int i = 0; i < n; i++, o += along) {
            int p1 = s[o - 2 * step] & 0xFF;
            int p0 = s[o - step] & 0xFF;
            int q0 = s[o] & 0xFF;
            int q1 = s[o + step] & 0xFF;
            if (Math.abs(p0 - q0) * 2 + (Math.abs(p1 - q1) >> 1) > edgeLimit) {
                continue;
            }
            int a = c(c(p1 - q1) + 3 * (q0 - p0));
            int f1 = c(a + 4) >> 3;
            int f2 = c(a + 3) >> 3;
            s[o] = (byte) (c(q0 - 128 - f1) + 128);
            s[o - step] = (byte) (c(p0 - 128 + f2) + 128);
        }
    }

    static void subblockEdge(byte[] s, int o, int step, int along, int n, int edgeLimit, int interior,
            int hevThreshold) {
        int s2 = 2 * step;
        int s3 = 3 * step;
        int s4 = 4 * step;
        for (int i = 0; i < n; i++, o += along) {
            int p3 = s[o - s4] & 0xFF;
            int p2 = s[o - s3] & 0xFF;
            int p1 = s[o - s2] & 0xFF;
            int p0 = s[o - step] & 0xFF;
            int q0 = s[o] & 0xFF;
            int q1 = s[o + step] & 0xFF;
            int q2 = s[o + s2] & 0xFF;
            int q3 = s[o + s3] & 0xFF;
            int ok = (edgeLimit - (Math.abs(p0 - q0) * 2 + (Math.abs(p1 - q1) >> 1)))
                    | (interior - Math.abs(p3 - p2)) | (interior - Math.abs(p2 - p1))
                    | (interior - Math.abs(p1 - p0)) | (interior - Math.abs(q3 - q2))
                    | (interior - Math.abs(q2 - q1)) | (interior - Math.abs(q1 - q0));
            if (ok < 0) {
                continue;
            }
            // hev = -1 when either side has high edge variance.
            int hev = ((hevThreshold - Math.abs(p1 - p0)) | (hevThreshold - Math.abs(q1 - q0))) >> 31;
            int a = c((c(p1 - q1) & hev) + 3 * (q0 - p0));
            int f1 = c(a + 4) >> 3;
            int f2 = c(a + 3) >> 3;
            s[o] = (byte) (c(q0 - 128 - f1) + 128);
            s[o - step] = (byte) (c(p0 - 128 + f2) + 128);
            int outer = ((f1 + 1) >> 1) & ~hev;
            s[o + step] = (byte) (c(q1 - 128 - outer) + 128);
            s[o - s2] = (byte) (c(p1 - 128 + outer) + 128);
        }
    }

    static void mbEdge(byte[] s, int o, int step, int along, int n, int edgeLimit, int interior,
            int hevThreshold) {
        int s2 = 2 * step;
        int s3 = 3 * step;
        int s4 = 4 * step;
        for (int i = 0; i < n; i++, o += along) {
            int p3 = s[o - s4] & 0xFF;
            int p2 = s[o - s3] & 0xFF;
            int p1 = s[o - s2] & 0xFF;
            int p0 = s[o - step] & 0xFF;
            int q0 = s[o] & 0xFF;
            int q1 = s[o + step] & 0xFF;
            int q2 = s[o + s2] & 0xFF;
            int q3 = s[o + s3] & 0xFF;
            int ok = (edgeLimit - (Math.abs(p0 - q0) * 2 + (Math.abs(p1 - q1) >> 1)))
                    | (interior - Math.abs(p3 - p2)) | (interior - Math.abs(p2 - p1))
                    | (interior - Math.abs(p1 - p0)) | (interior - Math.abs(q3 - q2))
                    | (interior - Math.abs(q2 - q1)) | (interior - Math.abs(q1 - q0));
            if (ok < 0) {
                continue;
            }
            int hev = ((hevThreshold - Math.abs(p1 - p0)) | (hevThreshold - Math.abs(q1 - q0))) >> 31;
            int w = c(c(p1 - q1) + 3 * (q0 - p0));
            // High edge variance: only the common adjustment with outer taps, on p0 and q0.
            int t = w & hev;
            int f1 = c(t + 4) >> 3;
            int f2 = c(t + 3) >> 3;
            int sq0 = c(q0 - 128 - f1);
            int sp0 = c(p0 - 128 + f2);
            // Otherwise: 27/128, 18/128 and 9/128 of w on the three pixels either side.
            w &= ~hev;
            int a = c((27 * w + 63) >> 7);
            s[o] = (byte) (c(sq0 - a) + 128);
            s[o - step] = (byte) (c(sp0 + a) + 128);
            a = c((18 * w + 63) >> 7);
            s[o + step] = (byte) (c(q1 - 128 - a) + 128);
            s[o - s2] = (byte) (c(p1 - 128 + a) + 128);
            a = c((9 * w + 63) >> 7);
            s[o + s2] = (byte) (c(q2 - 128 - a) + 128);
            s[o - s3] = (byte) (c(p2 - 128 + a) + 128);
        }
    }
}
