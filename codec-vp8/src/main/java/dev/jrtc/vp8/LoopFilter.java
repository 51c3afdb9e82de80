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
                    EdgeFilters.simpleVertical(f.y, yo, ys, mbLimit);
                }
                if (inner) {
                    EdgeFilters.simpleVertical(f.y, yo + 4, ys, subLimit);
                    EdgeFilters.simpleVertical(f.y, yo + 8, ys, subLimit);
                    EdgeFilters.simpleVertical(f.y, yo + 12, ys, subLimit);
                }
                if (row > 0) {
                    EdgeFilters.simpleHorizontal(f.y, yo, ys, mbLimit);
                }
                if (inner) {
                    EdgeFilters.simpleHorizontal(f.y, yo + 4 * ys, ys, subLimit);
                    EdgeFilters.simpleHorizontal(f.y, yo + 8 * ys, ys, subLimit);
                    EdgeFilters.simpleHorizontal(f.y, yo + 12 * ys, ys, subLimit);
                }
                continue;
            }
            int hev = hevThreshold[level];
            int cs = f.chromaWidth;
            int co = row * 8 * cs + col * 8;
            if (col > 0) {
                EdgeFilters.mbVertical(f.y, yo, ys, 16, mbLimit, interior, hev);
                EdgeFilters.mbVertical(f.u, co, cs, 8, mbLimit, interior, hev);
                EdgeFilters.mbVertical(f.v, co, cs, 8, mbLimit, interior, hev);
            }
            if (inner) {
                EdgeFilters.subVertical(f.y, yo + 4, ys, 16, subLimit, interior, hev);
                EdgeFilters.subVertical(f.y, yo + 8, ys, 16, subLimit, interior, hev);
                EdgeFilters.subVertical(f.y, yo + 12, ys, 16, subLimit, interior, hev);
                EdgeFilters.subVertical(f.u, co + 4, cs, 8, subLimit, interior, hev);
                EdgeFilters.subVertical(f.v, co + 4, cs, 8, subLimit, interior, hev);
            }
            if (row > 0) {
                EdgeFilters.mbHorizontal(f.y, yo, ys, 16, mbLimit, interior, hev);
                EdgeFilters.mbHorizontal(f.u, co, cs, 8, mbLimit, interior, hev);
                EdgeFilters.mbHorizontal(f.v, co, cs, 8, mbLimit, interior, hev);
            }
            if (inner) {
                EdgeFilters.subHorizontal(f.y, yo + 4 * ys, ys, 16, subLimit, interior, hev);
                EdgeFilters.subHorizontal(f.y, yo + 8 * ys, ys, 16, subLimit, interior, hev);
                EdgeFilters.subHorizontal(f.y, yo + 12 * ys, ys, 16, subLimit, interior, hev);
                EdgeFilters.subHorizontal(f.u, co + 4 * cs, cs, 8, subLimit, interior, hev);
                EdgeFilters.subHorizontal(f.v, co + 4 * cs, cs, 8, subLimit, interior, hev);
            }
        }
    }
}
