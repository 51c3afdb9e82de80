package dev.jrtc.vp8;

/**
 * Sub-pixel interpolation (RFC 6386 18.3): the six-tap filter of version 0 and the bilinear filter
 * of versions 1-3. A block is filtered horizontally, then vertically, each pass rounding and
 * saturating to 8 bits; a pass whose fraction is zero is the identity and is skipped.
 */
final class SubpixelFilter {
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

    /**
     * Predicts a {@code w}x{@code h} block. {@code sOff} is the whole-pixel position in
     * {@code src}; {@code src} must hold 2 pixels left/above and 3 right/below the block.
     */
    void predict(boolean bilinear, byte[] src, int sOff, int sStride, int fx, int fy, byte[] dst,
            int dOff, int dStride, int w, int h) {
        if ((fx | fy) == 0) {
            for (int r = 0; r < h; r++) {
                System.arraycopy(src, sOff + r * sStride, dst, dOff + r * dStride, w);
            }
        } else if (bilinear) {
            bilinear(src, sOff, sStride, fx, fy, dst, dOff, dStride, w, h);
        } else if (fy == 0) {
            sixTapHorizontal(src, sOff, sStride, SIX_TAP[fx], dst, dOff, dStride, w, h);
        } else if (fx == 0) {
            sixTapVertical(src, sOff, sStride, SIX_TAP[fy], dst, dOff, dStride, w, h);
        } else {
            sixTap2d(src, sOff, sStride, SIX_TAP[fx], SIX_TAP[fy], dst, dOff, dStride, w, h);
        }
    }

    private static int sat(int v) {
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }

    private static void sixTapHorizontal(byte[] src, int sOff, int sStride, int[] f, byte[] dst,
            int dOff, int dStride, int w, int h) {
        int f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4], f5 = f[5];
        for (int r = 0; r < h; r++) {
            int s = sOff + r * sStride;
            int d = dOff + r * dStride;
            for (int c = 0; c < w; c++, s++) {
                int v = (src[s - 2] & 0xFF) * f0 + (src[s - 1] & 0xFF) * f1 + (src[s] & 0xFF) * f2
                        + (src[s + 1] & 0xFF) * f3 + (src[s + 2] & 0xFF) * f4 + (src[s + 3] & 0xFF) * f5;
                dst[d + c] = (byte) sat((v + 64) >> 7);
            }
        }
    }

    private static void sixTapVertical(byte[] src, int sOff, int sStride, int[] f, byte[] dst,
            int dOff, int dStride, int w, int h) {
        int f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4], f5 = f[5];
        int s2 = 2 * sStride;
        int s3 = 3 * sStride;
        for (int r = 0; r < h; r++) {
            int s = sOff + r * sStride;
            int d = dOff + r * dStride;
            for (int c = 0; c < w; c++, s++) {
                int v = (src[s - s2] & 0xFF) * f0 + (src[s - sStride] & 0xFF) * f1
                        + (src[s] & 0xFF) * f2 + (src[s + sStride] & 0xFF) * f3
                        + (src[s + s2] & 0xFF) * f4 + (src[s + s3] & 0xFF) * f5;
                dst[d + c] = (byte) sat((v + 64) >> 7);
            }
        }
    }

    private void sixTap2d(byte[] src, int sOff, int sStride, int[] fh, int[] fv, byte[] dst,
            int dOff, int dStride, int w, int h) {
        int[] t = temp;
        int f0 = fh[0], f1 = fh[1], f2 = fh[2], f3 = fh[3], f4 = fh[4], f5 = fh[5];
        // Rows -2 .. h+2 of the horizontally filtered block.
        for (int r = 0; r < h + 5; r++) {
            int s = sOff + (r - 2) * sStride;
            int o = r * 16;
            for (int c = 0; c < w; c++, s++) {
                int v = (src[s - 2] & 0xFF) * f0 + (src[s - 1] & 0xFF) * f1 + (src[s] & 0xFF) * f2
                        + (src[s + 1] & 0xFF) * f3 + (src[s + 2] & 0xFF) * f4 + (src[s + 3] & 0xFF) * f5;
                t[o + c] = sat((v + 64) >> 7);
            }
        }
        int g0 = fv[0], g1 = fv[1], g2 = fv[2], g3 = fv[3], g4 = fv[4], g5 = fv[5];
        for (int r = 0; r < h; r++) {
            int o = (r + 2) * 16;
            int d = dOff + r * dStride;
            for (int c = 0; c < w; c++) {
                int i = o + c;
                int v = t[i - 32] * g0 + t[i - 16] * g1 + t[i] * g2 + t[i + 16] * g3 + t[i + 32] * g4
                        + t[i + 48] * g5;
                dst[d + c] = (byte) sat((v + 64) >> 7);
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
