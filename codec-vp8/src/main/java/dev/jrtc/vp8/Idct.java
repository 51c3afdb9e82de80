package dev.jrtc.vp8;

/**
 * The inverse transforms of RFC 6386 section 14: the 4x4 inverse DCT (14.4) added to a
 * prediction, and the inverse Walsh-Hadamard transform of the Y2 block (14.3). Intermediate values
 * are truncated to 16 bits where the RFC stores them in 16-bit arrays, so that even overflowing
 * (corrupt) input gives the reference result.
 */
final class Idct {
    private Idct() {}

    private static final int COS_PI8_SQRT2_MINUS1 = 20091;
    private static final int SIN_PI8_SQRT2 = 35468;

    /**
     * Inverse-transforms the 16 coefficients at {@code in[inOff]} (raster order) and adds the
     * residue to the 4x4 pixels at {@code dst[dOff]}, saturating to 0..255. {@code tmp} is scratch
     * space of at least 16 entries.
     */
    static void inverseDctAdd(int[] in, int inOff, int[] tmp, byte[] dst, int dOff, int stride) {
        // Vertical pass (columns) first, as in the RFC.
        for (int i = 0; i < 4; i++) {
            int i0 = in[inOff + i];
            int i4 = in[inOff + 4 + i];
            int i8 = in[inOff + 8 + i];
            int i12 = in[inOff + 12 + i];
            int a1 = i0 + i8;
            int b1 = i0 - i8;
            int c1 = ((i4 * SIN_PI8_SQRT2) >> 16) - (i12 + ((i12 * COS_PI8_SQRT2_MINUS1) >> 16));
            int d1 = (i4 + ((i4 * COS_PI8_SQRT2_MINUS1) >> 16)) + ((i12 * SIN_PI8_SQRT2) >> 16);
            tmp[i] = (short) (a1 + d1);
            tmp[12 + i] = (short) (a1 - d1);
            tmp[4 + i] = (short) (b1 + c1);
            tmp[8 + i] = (short) (b1 - c1);
        }
        for (int r = 0; r < 4; r++) {
            int t0 = tmp[r * 4];
            int t1 = tmp[r * 4 + 1];
            int t2 = tmp[r * 4 + 2];
            int t3 = tmp[r * 4 + 3];
            int a1 = t0 + t2;
            int b1 = t0 - t2;
            int c1 = ((t1 * SIN_PI8_SQRT2) >> 16) - (t3 + ((t3 * COS_PI8_SQRT2_MINUS1) >> 16));
            int d1 = (t1 + ((t1 * COS_PI8_SQRT2_MINUS1) >> 16)) + ((t3 * SIN_PI8_SQRT2) >> 16);
            int o = dOff + r * stride;
            dst[o] = clamp255((dst[o] & 0xFF) + (short) ((a1 + d1 + 4) >> 3));
            dst[o + 1] = clamp255((dst[o + 1] & 0xFF) + (short) ((b1 + c1 + 4) >> 3));
            dst[o + 2] = clamp255((dst[o + 2] & 0xFF) + (short) ((b1 - c1 + 4) >> 3));
            dst[o + 3] = clamp255((dst[o + 3] & 0xFF) + (short) ((a1 - d1 + 4) >> 3));
        }
    }

    /** The inverse DCT of a block whose only non-zero coefficient is DC, added to the pixels. */
    static void inverseDcOnlyAdd(int dc, byte[] dst, int dOff, int stride) {
        int v = (short) ((dc + 4) >> 3);
        for (int r = 0; r < 4; r++) {
            int o = dOff + r * stride;
            dst[o] = clamp255((dst[o] & 0xFF) + v);
            dst[o + 1] = clamp255((dst[o + 1] & 0xFF) + v);
            dst[o + 2] = clamp255((dst[o + 2] & 0xFF) + v);
            dst[o + 3] = clamp255((dst[o + 3] & 0xFF) + v);
        }
    }

    /**
     * Inverse WHT of the Y2 block at {@code in[inOff]}; output {@code i} becomes the DC coefficient
     * (index {@code i * 16}) of Y block {@code i} in {@code out}.
     */
    static void inverseWht(int[] in, int inOff, int[] tmp, int[] out) {
        for (int i = 0; i < 4; i++) {
            int i0 = in[inOff + i];
            int i4 = in[inOff + 4 + i];
            int i8 = in[inOff + 8 + i];
            int i12 = in[inOff + 12 + i];
            int a1 = i0 + i12;
            int b1 = i4 + i8;
            int c1 = i4 - i8;
            int d1 = i0 - i12;
            tmp[i] = (short) (a1 + b1);
            tmp[4 + i] = (short) (c1 + d1);
            tmp[8 + i] = (short) (a1 - b1);
            tmp[12 + i] = (short) (d1 - c1);
        }
        for (int r = 0; r < 4; r++) {
            int t0 = tmp[r * 4];
            int t1 = tmp[r * 4 + 1];
            int t2 = tmp[r * 4 + 2];
            int t3 = tmp[r * 4 + 3];
            int a1 = t0 + t3;
            int b1 = t1 + t2;
            int c1 = t1 - t2;
            int d1 = t0 - t3;
            out[(r * 4) * 16] = (short) ((a1 + b1 + 3) >> 3);
            out[(r * 4 + 1) * 16] = (short) ((c1 + d1 + 3) >> 3);
            out[(r * 4 + 2) * 16] = (short) ((a1 - b1 + 3) >> 3);
            out[(r * 4 + 3) * 16] = (short) ((d1 - c1 + 3) >> 3);
        }
    }

    static byte clamp255(int v) {
        return (byte) (v < 0 ? 0 : (v > 255 ? 255 : v));
    }
}
