package dev.jrtc.vp8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The normal loop filter's edge kernels against a literal transcription of RFC 6386 15.3, on
 * random pictures made to sit near the filter's thresholds. The kernels skip segments by
 * shortcuts (flat segments, strong edges and adjustments that round to zero, several columns at
 * once); a shortcut that skipped a segment the filter would change shows up here as a wrong pixel,
 * even where the corpus clips happen not to exercise it.
 */
class EdgeFiltersMatchRfcTest {
    private static final int STRIDE = 32;
    private static final int ROWS = 24;
    private static final int TRIALS = 20_000;

    private interface Kernel {
        void apply(byte[] s, int o, int stride, int n, int edgeLimit, int interior, int hev);
    }

    @Test
    void macroblockEdgesMatchTheRfc() {
        check(EdgeFilters::mbHorizontal, EdgeFilters::mbVertical, true, 1);
    }

    @Test
    void subblockEdgesMatchTheRfc() {
        check(EdgeFilters::subHorizontal, EdgeFilters::subVertical, false, 2);
    }

    private static void check(Kernel horizontal, Kernel vertical, boolean macroblockEdge, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int t = 0; t < TRIALS; t++) {
            int level = r.nextInt(1, 64);
            int interior = r.nextInt(1, 64);
            int hev = r.nextInt(0, 4);
            int edgeLimit = macroblockEdge ? (level + 2) * 2 + interior : level * 2 + interior;
            byte[] picture = picture(r);
            int n = r.nextBoolean() ? 16 : 8;

            byte[] got = picture.clone();
            byte[] want = picture.clone();
            int o = 8 * STRIDE + 8; // edge above row 8, columns 8 .. 8 + n
            horizontal.apply(got, o, STRIDE, n, edgeLimit, interior, hev);
            for (int c = 0; c < n; c++) {
                rfcSegment(want, o + c, STRIDE, edgeLimit, interior, hev, macroblockEdge);
            }
            assertArrayEquals(want, got, "horizontal edge, trial " + t);

            got = picture.clone();
            want = picture.clone();
            o = 4 * STRIDE + 12; // edge left of column 12, rows 4 .. 4 + n
            vertical.apply(got, o, STRIDE, n, edgeLimit, interior, hev);
            for (int row = 0; row < n; row++) {
                rfcSegment(want, o + row * STRIDE, 1, edgeLimit, interior, hev, macroblockEdge);
            }
            assertArrayEquals(want, got, "vertical edge, trial " + t);
        }
    }

    /**
     * A smooth ramp plus noise of a random amplitude, sometimes with a step across the middle:
     * most segments then fall near the limits, both sides of them.
     */
    private static byte[] picture(SplittableRandom r) {
        byte[] s = new byte[STRIDE * ROWS];
        int base = r.nextInt(0, 256);
        int slopeX = r.nextInt(-6, 7);
        int slopeY = r.nextInt(-6, 7);
        int noise = r.nextInt(0, 1 + (r.nextBoolean() ? 3 : 60));
        int step = r.nextInt(4) == 0 ? r.nextInt(-200, 201) : 0;
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < STRIDE; x++) {
                int v = base + slopeX * (x - 12) + slopeY * (y - 8) + r.nextInt(-noise, noise + 1)
                        + (x >= 12 || y >= 8 ? step : 0);
                s[y * STRIDE + x] = (byte) Math.min(255, Math.max(0, v));
            }
        }
        return s;
    }

    // ---- RFC 6386 15.3, written out as the RFC states it, on signed values ----------------------

    private static int c(int v) {
        return Math.min(127, Math.max(-128, v));
    }

    private static int u2s(byte b) {
        return (b & 0xFF) - 128;
    }

    private static byte s2u(int v) {
        return (byte) (c(v) + 128);
    }

    private static void rfcSegment(byte[] s, int o, int step, int edgeLimit, int interior, int hevThreshold,
            boolean macroblockEdge) {
        int p3 = u2s(s[o - 4 * step]);
        int p2 = u2s(s[o - 3 * step]);
        int p1 = u2s(s[o - 2 * step]);
        int p0 = u2s(s[o - step]);
        int q0 = u2s(s[o]);
        int q1 = u2s(s[o + step]);
        int q2 = u2s(s[o + 2 * step]);
        int q3 = u2s(s[o + 3 * step]);
        boolean filterYes = Math.abs(p0 - q0) * 2 + (Math.abs(p1 - q1) >> 1) <= edgeLimit
                && Math.abs(p3 - p2) <= interior && Math.abs(p2 - p1) <= interior
                && Math.abs(p1 - p0) <= interior && Math.abs(q3 - q2) <= interior
                && Math.abs(q2 - q1) <= interior && Math.abs(q1 - q0) <= interior;
        if (!filterYes) {
            return;
        }
        boolean hev = Math.abs(p1 - p0) > hevThreshold || Math.abs(q1 - q0) > hevThreshold;
        if (macroblockEdge && !hev) {
            int w = c(c(p1 - q1) + 3 * (q0 - p0));
            int a = c((27 * w + 63) >> 7);
            s[o] = s2u(q0 - a);
            s[o - step] = s2u(p0 + a);
            a = c((18 * w + 63) >> 7);
            s[o + step] = s2u(q1 - a);
            s[o - 2 * step] = s2u(p1 + a);
            a = c((9 * w + 63) >> 7);
            s[o + 2 * step] = s2u(q2 - a);
            s[o - 3 * step] = s2u(p2 + a);
            return;
        }
        // common_adjust: outer taps when hev (the macroblock filter only gets here with hev)
        int a = c((hev ? c(p1 - q1) : 0) + 3 * (q0 - p0));
        int b = c(a + 3) >> 3;
        a = c(a + 4) >> 3;
        s[o] = s2u(q0 - a);
        s[o - step] = s2u(p0 + b);
        if (!macroblockEdge && !hev) {
            a = (a + 1) >> 1;
            s[o + step] = s2u(q1 - a);
            s[o - 2 * step] = s2u(p1 + a);
        }
    }
}
