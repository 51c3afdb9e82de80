package dev.jrtc.vp8;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The six-tap filter (RFC 6386 18.3) for blocks 8 or 16 pixels wide, eight outputs at a time in
 * two {@code long}s of four 16-bit lanes (even and odd pixels).
 *
 * <p>Each lane holds {@code BIAS + sum(tap * pixel)}. The taps' sums of positive and of negative
 * coefficients are at most 160 and 32, so with pixels of 0..255 a lane's true value lies within
 * 8256 - 8160 and 8256 + 40800, inside 0..65535. Adding the products of whole {@code long}s is
 * then exact per lane: the borrows and carries of the intermediate sums cancel, and the final
 * {@code long} has exactly one decomposition into such lanes. The bias is 64 * 128 (so that
 * {@code lane >> 7} is the RFC's {@code (sum + 64) >> 7} plus 64) plus the rounding constant 64.
 * The results equal the scalar filter's bit for bit: round, shift, saturate to 0..255 per pass.
 */
final class SixTapLanes {
    private SixTapLanes() {}

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Scratch space the two-dimensional case needs: 16 columns by 16 + 5 rows. */
    static final int TEMP_SIZE = 16 * 21;

    private static final long EVEN_BYTES = 0x00FF_00FF_00FF_00FFL;
    private static final long BIAS = 0x2040_2040_2040_2040L;
    private static final long LOW_9_BITS = 0x01FF_01FF_01FF_01FFL;
    private static final long SIGN_BITS = 0x8000_8000_8000_8000L;
    private static final long SIXTY_FOURS = 0x0040_0040_0040_0040L;
    private static final long ONES = 0x0001_0001_0001_0001L;

    /**
     * Predicts a {@code w}x{@code h} block ({@code w} 8 or 16) from {@code src}, which holds the
     * two pixels left/above and three right/below the block; at least one fraction is non-zero.
     */
    static void predict(byte[] src, int sOff, int sStride, int fx, int fy, byte[] dst, int dOff,
            int dStride, int w, int h, byte[] temp) {
        if (fy == 0) {
            horizontal(src, sOff, sStride, SubpixelFilter.SIX_TAP[fx], dst, dOff, dStride, w, h);
        } else if (fx == 0) {
            vertical(src, sOff, sStride, SubpixelFilter.SIX_TAP[fy], dst, dOff, dStride, w, h);
        } else {
            // Rows -2 .. h+2 filtered horizontally into temp (stride 16), then vertically.
            horizontal(src, sOff - 2 * sStride, sStride, SubpixelFilter.SIX_TAP[fx], temp, 0, 16, w,
                    h + 5);
            vertical(temp, 2 * 16, 16, SubpixelFilter.SIX_TAP[fy], dst, dOff, dStride, w, h);
        }
    }

    private static void horizontal(byte[] src, int sOff, int sStride, int[] f, byte[] dst, int dOff,
            int dStride, int w, int h) {
        int f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4], f5 = f[5];
        for (int r = 0; r < h; r++, sOff += sStride, dOff += dStride) {
            for (int c = 0; c < w; c += 8) {
                int s = sOff + c - 2;
                long filtered = filter((long) LONGS.get(src, s), (long) LONGS.get(src, s + 1),
                        (long) LONGS.get(src, s + 2), (long) LONGS.get(src, s + 3),
                        (long) LONGS.get(src, s + 4), (long) LONGS.get(src, s + 5),
                        f0, f1, f2, f3, f4, f5);
                LONGS.set(dst, dOff + c, filtered);
            }
        }
    }

    private static void vertical(byte[] src, int sOff, int sStride, int[] f, byte[] dst, int dOff,
            int dStride, int w, int h) {
        int f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4], f5 = f[5];
        for (int c = 0; c < w; c += 8) {
            int s = sOff + c - 2 * sStride;
            int d = dOff + c;
            // A window of six rows slides down: one new row per output row.
            long x0 = (long) LONGS.get(src, s);
            long x1 = (long) LONGS.get(src, s + sStride);
            long x2 = (long) LONGS.get(src, s + 2 * sStride);
            long x3 = (long) LONGS.get(src, s + 3 * sStride);
            long x4 = (long) LONGS.get(src, s + 4 * sStride);
            s += 5 * sStride;
            for (int r = 0; r < h; r++, s += sStride, d += dStride) {
                long x5 = (long) LONGS.get(src, s);
                LONGS.set(dst, d, filter(x0, x1, x2, x3, x4, x5, f0, f1, f2, f3, f4, f5));
                x0 = x1;
                x1 = x2;
                x2 = x3;
                x3 = x4;
                x4 = x5;
            }
        }
    }

    /** Byte {@code j} of the result filters byte {@code j} of {@code x0} .. {@code x5}. */
    private static long filter(long x0, long x1, long x2, long x3, long x4, long x5, int f0, int f1,
            int f2, int f3, int f4, int f5) {
        long even = BIAS + f0 * (x0 & EVEN_BYTES) + f1 * (x1 & EVEN_BYTES) + f2 * (x2 & EVEN_BYTES)
                + f3 * (x3 & EVEN_BYTES) + f4 * (x4 & EVEN_BYTES) + f5 * (x5 & EVEN_BYTES);
        long odd = BIAS + f0 * ((x0 >>> 8) & EVEN_BYTES) + f1 * ((x1 >>> 8) & EVEN_BYTES)
                + f2 * ((x2 >>> 8) & EVEN_BYTES) + f3 * ((x3 >>> 8) & EVEN_BYTES)
                + f4 * ((x4 >>> 8) & EVEN_BYTES) + f5 * ((x5 >>> 8) & EVEN_BYTES);
        return saturate(even) | (saturate(odd) << 8);
    }

    /** Per lane: {@code (lane >> 7) - 64} saturated to 0..255, in the low byte of the lane. */
    private static long saturate(long lanes) {
        long v = (lanes >>> 7) & LOW_9_BITS; // 0..383, i.e. the result + 64
        long d = (v | SIGN_BITS) - SIXTY_FOURS; // sign bit still set where the result >= 0
        long r = d & (((d >>> 15) & ONES) * 0xFFFF) & LOW_9_BITS; // 0 where negative, else 0..319
        return (r | (((r >>> 8) & ONES) * 0xFF)) & EVEN_BYTES; // 255 where 256 or more
    }
}
