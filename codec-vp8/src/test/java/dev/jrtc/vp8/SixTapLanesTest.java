package dev.jrtc.vp8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The eight-lane six-tap filter against the RFC 6386 18.3 formula applied pixel by pixel, for every
 * fraction pair and both block widths, on random pictures and on the 0/255 patterns that drive
 * each tap's sum to its extremes (where lane overflow or a wrong saturation would show).
 */
class SixTapLanesTest {
    private static final int STRIDE = 40;
    private static final int ORIGIN = 3 * STRIDE + 4;

    /** One pass of the RFC's filter: six taps, round, shift, saturate. */
    private static int tap(int[] f, int a, int b, int c, int d, int e, int g) {
        int v = f[0] * a + f[1] * b + f[2] * c + f[3] * d + f[4] * e + f[5] * g;
        return Math.min(255, Math.max(0, (v + 64) >> 7));
    }

    private static byte[] reference(byte[] src, int fx, int fy, int w, int h) {
        int[] fh = SubpixelFilter.SIX_TAP[fx];
        int[] fv = SubpixelFilter.SIX_TAP[fy];
        int[][] first = new int[h + 5][w];
        for (int r = -2; r < h + 3; r++) {
            for (int c = 0; c < w; c++) {
                int o = ORIGIN + r * STRIDE + c;
                first[r + 2][c] = fx == 0 ? src[o] & 0xFF : tap(fh, src[o - 2] & 0xFF,
                        src[o - 1] & 0xFF, src[o] & 0xFF, src[o + 1] & 0xFF, src[o + 2] & 0xFF,
                        src[o + 3] & 0xFF);
            }
        }
        byte[] out = new byte[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                out[r * w + c] = (byte) (fy == 0 ? first[r + 2][c] : tap(fv, first[r][c],
                        first[r + 1][c], first[r + 2][c], first[r + 3][c], first[r + 4][c],
                        first[r + 5][c]));
            }
        }
        return out;
    }

    private static void check(byte[] src) {
        byte[] temp = new byte[SixTapLanes.TEMP_SIZE];
        for (int w = 8; w <= 16; w += 8) {
            for (int fx = 0; fx < 8; fx++) {
                for (int fy = 0; fy < 8; fy++) {
                    if ((fx | fy) == 0) {
                        continue;
                    }
                    byte[] got = new byte[w * w];
                    SixTapLanes.predict(src, ORIGIN, STRIDE, fx, fy, got, 0, w, w, w, temp);
                    assertArrayEquals(reference(src, fx, fy, w, w), got,
                            "fx=" + fx + " fy=" + fy + " w=" + w);
                }
            }
        }
    }

    @Test
    void matchesTheFormulaOnRandomPictures() {
        Random random = new Random(9);
        for (int i = 0; i < 200; i++) {
            byte[] src = new byte[STRIDE * 24];
            random.nextBytes(src);
            check(src);
        }
    }

    @Test
    void saturatesLikeTheFormulaAtTheExtremes() {
        Random random = new Random(6386);
        for (int i = 0; i < 300; i++) {
            // Only 0 and 255, in runs, so that positive taps meet 255 and negative ones 0 and the
            // other way round: sums reach both ends of the lanes' range.
            byte[] src = new byte[STRIDE * 24];
            int run = 1 + random.nextInt(4);
            for (int p = 0; p < src.length; p++) {
                boolean high = ((p % STRIDE) / run + (p / STRIDE) / run + i) % 2 == 0;
                src[p] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : high ? 255 : 0);
            }
            check(src);
        }
    }
}
