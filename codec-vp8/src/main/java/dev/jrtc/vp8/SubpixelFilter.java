package dev.jrtc.vp8;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Sub-pixel interpolation (RFC 6386 18.3): the six-tap filter of version 0 and the bilinear filter
 * of versions 1-3. A block is filtered horizontally, then vertically, each pass rounding and
 * saturating to 8 bits; a pass whose fraction is zero is the identity and is skipped.
 */
final class SubpixelFilter {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Six-tap filters indexed by the eighth-pixel fraction. */
    static final int[][] SIX_TAP = {
        {0, 0, 128, 0, 0, 0},
        {0, -6, 123, 12, -1, 0},
        {2, -11, 108, 36, -8, 1},
        {0, -9, 93, 50, -6, 0},
        {3, -16, 77, 77, -16, 3},
        {0, -6, 50, 93, -9, 0},
        {1, -8, 36, 108, -11, 2},
        {0, -1, 12, 123, -6, 0},
    };

    /** Bilinear filters: the weights of the pixel and of its right (or lower) neighbour. */
    static final int[][] BILINEAR = {
        {128, 0}, {112, 16}, {96, 32}, {80, 48}, {64, 64}, {48, 80}, {32, 96}, {16, 112},
    };

    /** First-pass output: up to 16 columns by 16 + 5 rows. */
    private final int[] temp = new int[16 * 21];
    /** First-pass output of the eight-lane six-tap filter: 16 columns by 16 + 5 rows. */
    private final byte[] laneTemp = new byte[SixTapLanes.TEMP_SIZE];

    /**
     * Predicts a {@code w}x{@code h} block. {@code sOff} is the whole-pixel position in
     * {@code src}; {@code src} must hold 2 pixels left/above and 3 right/below the block.
     */
    void predict(boolean bilinear, byte[] src, int sOff, int sStride, int fx, int fy, byte[] dst,
            int dOff, int dStride, int w, int h) {
        if ((fx | fy) == 0) {
            copy(src, sOff, sStride, dst, dOff, dStride, w, h);
        } else if (bilinear) {
            bilinear(src, sOff, sStride, fx, fy, dst, dOff, dStride, w, h);
        } else if (w >= 8) {
            SixTapLanes.predict(src, sOff, sStride, fx, fy, dst, dOff, dStride, w, h, laneTemp);
        } else if (fy == 0) {
            sixTapHorizontal(src, sOff, sStride, SIX_TAP[fx], dst, dOff, dStride, w, h);
        } else if (fx == 0) {
            sixTapVertical(src, sOff, sStride, SIX_TAP[fy], dst, dOff, dStride, w, h);
        } else {
            sixTap2d(src, sOff, sStride, SIX_TAP[fx], SIX_TAP[fy], dst, dOff, dStride, w, h);
        }
    }

    /**
     * A whole-pixel block: rows of 16, 8 or 4 bytes, too short for {@code System.arraycopy} to pay
     * off, so they move as {@code long}s or {@code int}s.
     */
    private static void copy(byte[] src, int s, int sStride, byte[] dst, int d, int dStride, int w,
            int h) {
        if (w == 4) {
            for (int r = 0; r < h; r++, s += sStride, d += dStride) {
                INTS.set(dst, d, (int) INTS.get(src, s));
            }
            return;
        }
        for (int r = 0; r < h; r++, s += sStride, d += dStride) {
            for (int c = 0; c < w; c += 8) {
                LONGS.set(dst, d + c, (long) LONGS.get(src, s + c));
            }
        }
    }

    private static int sat(int v) {
        return Math.min(255, Math.max(0, v));
    }

    /*
     * 4x4 blocks (split motion vectors) use the scalar six-tap loops below; wider blocks go to
     * SixTapLanes. The six-tap loops slide a window along the filter direction: each output loads
     * one new pixel and reuses the five before it, instead of loading all six.
     */

    private static void sixTapHorizontal(byte[] src, int sOff, int sStride, int[] f, byte[] dst,
            int dOff, int dStride, int w, int h) {
        int f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4], f5 = f[5];
        for (int r = 0; r < h; r++) {
            int s = sOff + r * sStride - 2;
            int d = dOff + r * dStride;
            int a0 = src[s] & 0xFF, a1 = src[s + 1] & 0xFF, a2 = src[s + 2] & 0xFF;
            int a3 = src[s + 3] & 0xFF, a4 = src[s + 4] & 0xFF;
            for (int c = 0; c < w; c++) {
                int a5 = src[s + c + 5] & 0xFF;
                int v = a0 * f0 + a1 * f1 + a2 * f2 + a3 * f3 + a4 * f4 + a5 * f5;
                dst[d + c] = (byte) sat((v + 64) >> 7);
                a0 = a1; a1 = a2; a2 = a3; a3 = a4; a4 = a5;
            }
        }
    }

    private static void sixTapVertical(byte[] src, int sOff, int sStride, int[] f, byte[] dst,
            int dOff, int dStride, int w, int h) {
        int f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4], f5 = f[5];
        for (int c = 0; c < w; c++) {
            int s = sOff + c - 2 * sStride;
            int d = dOff + c;
            int a0 = src[s] & 0xFF, a1 = src[s + sStride] & 0xFF, a2 = src[s + 2 * sStride] & 0xFF;
            int a3 = src[s + 3 * sStride] & 0xFF, a4 = src[s + 4 * sStride] & 0xFF;
            s += 5 * sStride;
            for (int r = 0; r < h; r++, s += sStride, d += dStride) {
                int a5 = src[s] & 0xFF;
                int v = a0 * f0 + a1 * f1 + a2 * f2 + a3 * f3 + a4 * f4 + a5 * f5;
                dst[d] = (byte) sat((v + 64) >> 7);
                a0 = a1; a1 = a2; a2 = a3; a3 = a4; a4 = a5;
            }
        }
    }

    private void sixTap2d(byte[] src, int sOff, int sStride, int[] fh, int[] fv, byte[] dst,
            int dOff, int dStride, int w, int h) {
        int[] t = temp;
        int f0 = fh[0], f1 = fh[1], f2 = fh[2], f3 = fh[3], f4 = fh[4], f5 = fh[5];
        // Rows -2 .. h+2 of the horizontally filtered block, at stride 16.
        for (int r = 0; r < h + 5; r++) {
            int s = sOff + (r - 2) * sStride - 2;
            int o = r * 16;
            int a0 = src[s] & 0xFF, a1 = src[s + 1] & 0xFF, a2 = src[s + 2] & 0xFF;
            int a3 = src[s + 3] & 0xFF, a4 = src[s + 4] & 0xFF;
            for (int c = 0; c < w; c++) {
                int a5 = src[s + c + 5] & 0xFF;
                int v = a0 * f0 + a1 * f1 + a2 * f2 + a3 * f3 + a4 * f4 + a5 * f5;
                t[o + c] = sat((v + 64) >> 7);
                a0 = a1; a1 = a2; a2 = a3; a3 = a4; a4 = a5;
            }
        }
        int g0 = fv[0], g1 = fv[1], g2 = fv[2], g3 = fv[3], g4 = fv[4], g5 = fv[5];
        for (int c = 0; c < w; c++) {
            int d = dOff + c;
            int a0 = t[c], a1 = t[16 + c], a2 = t[32 + c], a3 = t[48 + c], a4 = t[64 + c];
            for (int r = 0, i = 80 + c; r < h; r++, i += 16, d += dStride) {
                int a5 = t[i];
                int v = a0 * g0 + a1 * g1 + a2 * g2 + a3 * g3 + a4 * g4 + a5 * g5;
                dst[d] = (byte) sat((v + 64) >> 7);
                a0 = a1; a1 = a2; a2 = a3; a3 = a4; a4 = a5;
            }
        }
    }

    private void bilinear(byte[] src, int sOff, int sStride, int fx, int fy, byte[] dst, int dOff,
            int dStride, int w, int h) {
        int[] t = temp;
        int h0 = BILINEAR[fx][0];
        int h1 = BILINEAR[fx][1];
        int rows = fy == 0 ? h : h + 1;
        for (int r = 0; r < rows; r++) {
            int s = sOff + r * sStride;
            int o = r * 16;
            if (fx == 0) {
                for (int c = 0; c < w; c++) {
                    t[o + c] = src[s + c] & 0xFF;
                }
            } else {
                for (int c = 0; c < w; c++, s++) {
                    t[o + c] = ((src[s] & 0xFF) * h0 + (src[s + 1] & 0xFF) * h1 + 64) >> 7;
                }
            }
        }
        int v0 = BILINEAR[fy][0];
        int v1 = BILINEAR[fy][1];
        for (int r = 0; r < h; r++) {
            int o = r * 16;
            int d = dOff + r * dStride;
            if (fy == 0) {
                for (int c = 0; c < w; c++) {
                    dst[d + c] = (byte) t[o + c];
                }
            } else {
                for (int c = 0; c < w; c++) {
                    dst[d + c] = (byte) ((t[o + c] * v0 + t[o + 16 + c] * v1 + 64) >> 7);
                }
            }
        }
    }
}
