package dev.jrtc.vp8;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The per-edge work of the loop filter (RFC 6386 15.2-15.3): the simple filter, the normal
 * subblock-edge filter and the normal macroblock-edge filter, each for a vertical edge (filtered
 * along rows) and a horizontal edge (filtered along columns).
 *
 * <p>Three things make this fast enough to matter (the loop filter was most of the decode time):
 * <ul>
 *   <li>The eight pixels across a vertical edge are adjacent in memory, so they are read with one
 *       {@code long} load; across a horizontal edge, eight rows are read as {@code long}s and
 *       serve eight columns at a time.
 *   <li>A segment with {@code p0 == q0} and {@code p1 == q1} is left alone without computing
 *       its masks: both terms of the adjustment {@code c(c(p1 - q1) + 3 * (q0 - p0))} (in the
 *       subblock filter, the first term masked by hev) are then zero, and so is every change
 *       either normal filter makes. This covers flat areas, which are common in video, with two
 *       comparisons instead of the five of a full flatness test, and skips more segments. For
 *       horizontal edges eight columns are tested at once, and the loop visits only the columns
 *       that need the filter (one branch per such column, instead of a guess per column). The
 *       filters themselves then return early when their adjustment rounds to zero.
 *   <li>The RFC's decisions (filter_yes, hev) become all-ones/all-zero masks applied
 *       arithmetically, which gives the same pixels as the RFC's branches (a masked adjustment is
 *       zero, so the pixel is written back unchanged) without mispredicted branches.
 * </ul>
 * Pixels stay unsigned here; the RFC's signed values are {@code pixel - 128}, so its final
 * {@code c(q0 - 128 - f) + 128} is {@code clamp255(q0 - f)}.
 */
final class EdgeFilters {
    private EdgeFilters() {}

    /** Little-endian: the lowest byte of a loaded {@code long} is the pixel with lowest address. */
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);


    /** Byte 3 of a little-endian {@code x ^ (x >>> 8)}: zero when p0 equals q0. */
    private static final long P0_Q0 = 0x0000_0000_FF00_0000L;
    /** Byte 2 of {@code x ^ (x >>> 24)}: zero when p1 equals q1. */
    private static final long P1_Q1 = 0x0000_0000_00FF_0000L;

    // ---- macroblock edges ------------------------------------------------------------------

    /** The vertical macroblock edge left of column {@code o} (row start), {@code n} rows. */
    static void mbVertical(byte[] s, int o, int stride, int n, int edgeLimit, int interior, int hev) {
        for (int i = 0; i < n; i++, o += stride) {
            long x = (long) LONGS.get(s, o - 4); // p3 p2 p1 p0 q0 q1 q2 q3
            if ((((x ^ (x >>> 8)) & P0_Q0) | ((x ^ (x >>> 24)) & P1_Q1)) == 0) {
                continue;
            }
            mbFilter(s, o, 1, (int) x & 0xFF, (int) (x >>> 8) & 0xFF, (int) (x >>> 16) & 0xFF,
                    (int) (x >>> 24) & 0xFF, (int) (x >>> 32) & 0xFF, (int) (x >>> 40) & 0xFF,
                    (int) (x >>> 48) & 0xFF, (int) (x >>> 56) & 0xFF, edgeLimit, interior, hev);
        }
    }

    /**
     * The high bit of each byte of {@code differ} that is not zero: the columns of a horizontal
     * edge that the filter may change, to be visited with {@code numberOfTrailingZeros}.
     */
    private static long nonZeroBytes(long differ) {
        return (((differ & 0x7F7F_7F7F_7F7F_7F7FL) + 0x7F7F_7F7F_7F7F_7F7FL) | differ)
                & 0x8080_8080_8080_8080L;
    }

    /** Even bytes of a {@code long}, one per 16-bit lane. */
    private static final long LANES = 0x00FF_00FF_00FF_00FFL;
    /** Bit 15 of every 16-bit lane. */
    private static final long LANE_SIGN = 0x8000_8000_8000_8000L;
    /** 1 in every 16-bit lane: a value times this is that value in every lane. */
    private static final long EACH_LANE = 0x0001_0001_0001_0001L;

    /**
     * Bit 15 of each 16-bit lane of {@code v} that is within {@code lo..hi} (both given in every
     * lane, all values below 0x8000). Setting bit 15 before the subtraction keeps each lane's
     * borrow inside the lane; the bit survives only if no borrow was needed.
     */
    private static long inRange(long v, long lo, long hi) {
        return ((v | LANE_SIGN) - lo) & ((hi | LANE_SIGN) - v) & LANE_SIGN;
    }

    /**
     * Four columns of a horizontal edge (one per 16-bit lane) that the filter cannot change,
     * flagged by bit 15, found without looking at the interior limits: either the edge between p0
     * and q0 is too strong for {@code edgeLimit} ({@code 2|p0 - q0|} alone exceeds it, so the
     * filter is off), or the common adjustment {@code (p1 - q1) + 3 * (q0 - p0)} lies within
     * {@code uLo..uHi} (offset by 1024) while {@code p1 - q1} needs no clamping and {@code q0 - p0}
     * lies within {@code dLo..dHi} (offset by 256), which the caller chooses so that every change
     * rounds to zero.
     */
    private static long unchanged(long p1, long p0, long q0, long q1, long halfEdge, long uLo, long uHi,
            long dLo, long dHi) {
        long d = (q0 + 256 * EACH_LANE) - p0; // q0 - p0 + 256, within 1..511
        long u = (p1 + (d << 1) + d + (1024 - 3 * 256) * EACH_LANE) - q1; // u + 1024, within 4..2044
        long outer = (p1 + 256 * EACH_LANE) - q1; // p1 - q1 + 256
        long strongEdge = ~inRange(d, (256 * EACH_LANE) - halfEdge, (256 * EACH_LANE) + halfEdge) & LANE_SIGN;
        return strongEdge | (inRange(u, uLo, uHi) & inRange(d, dLo, dHi)
                & inRange(outer, (256 - 128) * EACH_LANE, (256 + 127) * EACH_LANE));
    }

    /**
     * The high bit of each byte for the columns of a horizontal edge that the filter may change;
     * see {@link #unchanged} for {@code uLo..dHi}.
     */
    private static long columnsToFilter(long p1, long p0, long q0, long q1, int edgeLimit, long uLo,
            long uHi, long dLo, long dHi) {
        long cols = nonZeroBytes((p1 ^ q1) | (p0 ^ q0));
        if (cols == 0) {
            return 0;
        }
        long halfEdge = (edgeLimit >> 1) * EACH_LANE;
        long even = unchanged(p1 & LANES, p0 & LANES, q0 & LANES, q1 & LANES, halfEdge, uLo, uHi, dLo, dHi);
        long odd = unchanged((p1 >>> 8) & LANES, (p0 >>> 8) & LANES, (q0 >>> 8) & LANES, (q1 >>> 8) & LANES,
                halfEdge, uLo, uHi, dLo, dHi);
        // lane k of the even half is column 2k, whose flag belongs at bit 16k + 7; odd column 2k + 1 at 16k + 15
        return cols & ~((even >>> 8) | odd);
    }

    /** Macroblock edges: every change is zero when the adjustment is within -2..2 (see {@link #mbFilter}). */
    private static final long MB_U_LO = (1024 - 2) * EACH_LANE;
    private static final long MB_U_HI = (1024 + 2) * EACH_LANE;
    private static final long ANY_D_LO = 0;
    private static final long ANY_D_HI = 511 * EACH_LANE;
    /** Subblock edges: the adjustment within -3..3 with and without hev, that is also {@code 3 * (q0 - p0)}. */
    private static final long SUB_U_LO = (1024 - 3) * EACH_LANE;
    private static final long SUB_U_HI = (1024 + 3) * EACH_LANE;
    private static final long SUB_D_LO = (256 - 1) * EACH_LANE;
    private static final long SUB_D_HI = (256 + 1) * EACH_LANE;

    /** The horizontal macroblock edge above row {@code o}, {@code n} (8 or 16) columns. */
    static void mbHorizontal(byte[] s, int o, int stride, int n, int edgeLimit, int interior,
            int hev) {
        for (int g = 0; g < n; g += 8, o += 8) {
            long p3 = (long) LONGS.get(s, o - 4 * stride);
            long p2 = (long) LONGS.get(s, o - 3 * stride);
            long p1 = (long) LONGS.get(s, o - 2 * stride);
            long p0 = (long) LONGS.get(s, o - stride);
            long q0 = (long) LONGS.get(s, o);
            long q1 = (long) LONGS.get(s, o + stride);
            long q2 = (long) LONGS.get(s, o + 2 * stride);
            long q3 = (long) LONGS.get(s, o + 3 * stride);
            long cols = columnsToFilter(p1, p0, q0, q1, edgeLimit, MB_U_LO, MB_U_HI, ANY_D_LO, ANY_D_HI);
            for (; cols != 0; cols &= cols - 1) {
                int sh = Long.numberOfTrailingZeros(cols) - 7;
                mbFilter(s, o + (sh >> 3), stride, (int) (p3 >>> sh) & 0xFF,
                        (int) (p2 >>> sh) & 0xFF, (int) (p1 >>> sh) & 0xFF, (int) (p0 >>> sh) & 0xFF,
                        (int) (q0 >>> sh) & 0xFF, (int) (q1 >>> sh) & 0xFF, (int) (q2 >>> sh) & 0xFF,
                        (int) (q3 >>> sh) & 0xFF, edgeLimit, interior, hev);
            }
        }
    }

    /**
     * The macroblock-edge filter of one segment, {@code o} the first pixel after the edge and
     * {@code step} the distance between the pixels across it.
     */
    private static void mbFilter(byte[] s, int o, int step, int p3, int p2, int p1, int p0, int q0,
            int q1, int q2, int q3, int edgeLimit, int interior, int hevThreshold) {
        int u = c(p1 - q1) + 3 * (q0 - p0);
        if (u >= -2 && u <= 2) {
            return; // every adjustment below rounds to zero (smooth ramps, for example)
        }
        mbAdjust(s, o, step, p3, p2, p1, p0, q0, q1, q2, q3, u, edgeLimit, interior, hevThreshold);
    }

    /**
     * The rest of {@link #mbFilter}, given its common adjustment {@code u} before clamping; a
     * separate method so that each stays small enough for the JIT to inline into the edge loops.
     */
    private static void mbAdjust(byte[] s, int o, int step, int p3, int p2, int p1, int p0, int q0,
            int q1, int q2, int q3, int u, int edgeLimit, int interior, int hevThreshold) {
        int d10 = Math.abs(p1 - p0);
        int e10 = Math.abs(q1 - q0);
        int mask = ~(((edgeLimit - (Math.abs(p0 - q0) * 2 + (Math.abs(p1 - q1) >> 1)))
                | (interior - Math.abs(p3 - p2)) | (interior - Math.abs(p2 - p1))
                | (interior - d10) | (interior - Math.abs(q3 - q2))
                | (interior - Math.abs(q2 - q1)) | (interior - e10)) >> 31);
        int hev = ((hevThreshold - d10) | (hevThreshold - e10)) >> 31;
        int w = c(u) & mask;
        // High edge variance: only the common adjustment, on p0 and q0 (t + 4 and t + 3 can only
        // overflow upwards).
        int t = w & hev;
        int f1 = Math.min(127, t + 4) >> 3;
        int f2 = Math.min(127, t + 3) >> 3;
        // Otherwise 27/128, 18/128 and 9/128 of w on the three pixels either side (w is within
        // -128..127, so these need no clamping). Exactly one of the two adjustments is non-zero,
        // so the RFC's two successive clamps of p0 and q0 reduce to one.
        w &= ~hev;
        int a0 = (27 * w + 63) >> 7;
        int a1 = (18 * w + 63) >> 7;
        int a2 = (9 * w + 63) >> 7;
        s[o - 3 * step] = u8(p2 + a2);
        s[o - 2 * step] = u8(p1 + a1);
        s[o - step] = u8(p0 + f2 + a0);
        s[o] = u8(q0 - f1 - a0);
        s[o + step] = u8(q1 - a1);
        s[o + 2 * step] = u8(q2 - a2);
    }

    // ---- subblock edges --------------------------------------------------------------------

    /** A vertical subblock edge left of column {@code o}, {@code n} rows. */
    static void subVertical(byte[] s, int o, int stride, int n, int edgeLimit, int interior,
            int hev) {
        for (int i = 0; i < n; i++, o += stride) {
            long x = (long) LONGS.get(s, o - 4);
            if ((((x ^ (x >>> 8)) & P0_Q0) | ((x ^ (x >>> 24)) & P1_Q1)) == 0) {
                continue;
            }
            subFilter(s, o, 1, (int) x & 0xFF, (int) (x >>> 8) & 0xFF, (int) (x >>> 16) & 0xFF,
                    (int) (x >>> 24) & 0xFF, (int) (x >>> 32) & 0xFF, (int) (x >>> 40) & 0xFF,
                    (int) (x >>> 48) & 0xFF, (int) (x >>> 56) & 0xFF, edgeLimit, interior, hev);
        }
    }

    /** A horizontal subblock edge above row {@code o}, {@code n} (8 or 16) columns. */
    static void subHorizontal(byte[] s, int o, int stride, int n, int edgeLimit, int interior,
            int hev) {
        for (int g = 0; g < n; g += 8, o += 8) {
            long p3 = (long) LONGS.get(s, o - 4 * stride);
            long p2 = (long) LONGS.get(s, o - 3 * stride);
            long p1 = (long) LONGS.get(s, o - 2 * stride);
            long p0 = (long) LONGS.get(s, o - stride);
            long q0 = (long) LONGS.get(s, o);
            long q1 = (long) LONGS.get(s, o + stride);
            long q2 = (long) LONGS.get(s, o + 2 * stride);
            long q3 = (long) LONGS.get(s, o + 3 * stride);
            long cols = columnsToFilter(p1, p0, q0, q1, edgeLimit, SUB_U_LO, SUB_U_HI, SUB_D_LO, SUB_D_HI);
            for (; cols != 0; cols &= cols - 1) {
                int sh = Long.numberOfTrailingZeros(cols) - 7;
                subFilter(s, o + (sh >> 3), stride, (int) (p3 >>> sh) & 0xFF,
                        (int) (p2 >>> sh) & 0xFF, (int) (p1 >>> sh) & 0xFF, (int) (p0 >>> sh) & 0xFF,
                        (int) (q0 >>> sh) & 0xFF, (int) (q1 >>> sh) & 0xFF, (int) (q2 >>> sh) & 0xFF,
                        (int) (q3 >>> sh) & 0xFF, edgeLimit, interior, hev);
            }
        }
    }

    private static void subFilter(byte[] s, int o, int step, int p3, int p2, int p1, int p0, int q0,
            int q1, int q2, int q3, int edgeLimit, int interior, int hevThreshold) {
        int outerTap = c(p1 - q1);
        int d = 3 * (q0 - p0);
        if (d >= -3 && d <= 3 && outerTap + d >= -3 && outerTap + d <= 3) {
            return; // the adjustment is within -3..3 with or without hev: all changes are zero
        }
        int d10 = Math.abs(p1 - p0);
        int e10 = Math.abs(q1 - q0);
        int mask = ~(((edgeLimit - (Math.abs(p0 - q0) * 2 + (Math.abs(p1 - q1) >> 1)))
                | (interior - Math.abs(p3 - p2)) | (interior - Math.abs(p2 - p1))
                | (interior - d10) | (interior - Math.abs(q3 - q2))
                | (interior - Math.abs(q2 - q1)) | (interior - e10)) >> 31);
        // hev = -1 when either side has high edge variance.
        int hev = ((hevThreshold - d10) | (hevThreshold - e10)) >> 31;
        int a = c((outerTap & hev) + d) & mask;
        int f1 = Math.min(127, a + 4) >> 3;
        int f2 = Math.min(127, a + 3) >> 3;
        int outer = ((f1 + 1) >> 1) & ~hev;
        s[o - 2 * step] = u8(p1 + outer);
        s[o - step] = u8(p0 + f2);
        s[o] = u8(q0 - f1);
        s[o + step] = u8(q1 - outer);
    }

    // ---- simple filter ---------------------------------------------------------------------

    /** The simple filter on a vertical edge left of column {@code o}, 16 rows. */
    static void simpleVertical(byte[] s, int o, int stride, int edgeLimit) {
        for (int i = 0; i < 16; i++, o += stride) {
            simpleFilter(s, o, 1, edgeLimit);
        }
    }

    /** The simple filter on a horizontal edge above row {@code o}, 16 columns. */
    static void simpleHorizontal(byte[] s, int o, int stride, int edgeLimit) {
        for (int i = 0; i < 16; i++, o++) {
            simpleFilter(s, o, stride, edgeLimit);
        }
    }

    private static void simpleFilter(byte[] s, int o, int step, int edgeLimit) {
        int p1 = s[o - 2 * step] & 0xFF;
        int p0 = s[o - step] & 0xFF;
        int q0 = s[o] & 0xFF;
        int q1 = s[o + step] & 0xFF;
        int mask = ~((edgeLimit - (Math.abs(p0 - q0) * 2 + (Math.abs(p1 - q1) >> 1))) >> 31);
        int a = c(c(p1 - q1) + 3 * (q0 - p0)) & mask;
        int f1 = Math.min(127, a + 4) >> 3;
        int f2 = Math.min(127, a + 3) >> 3;
        s[o - step] = u8(p0 + f2);
        s[o] = u8(q0 - f1);
    }

    /** Clamps to the signed 8-bit range (the RFC's {@code c()}). */
    private static int c(int v) {
        return Math.min(127, Math.max(-128, v));
    }

    /** Clamps to a pixel value. */
    private static byte u8(int v) {
        return (byte) Math.min(255, Math.max(0, v));
    }
}
