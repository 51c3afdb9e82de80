package dev.jrtc.vp8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The inverse DCT and WHT of RFC 6386 section 14, against values worked out by hand. */
class IdctTest {
    private static int[] addToFlat(int[] coefficients, int base) {
        byte[] px = new byte[16];
        java.util.Arrays.fill(px, (byte) base);
        Idct.inverseDctAdd(coefficients, 0, new int[16], px, 0, 4);
        int[] out = new int[16];
        for (int i = 0; i < 16; i++) {
            out[i] = px[i] & 0xFF;
        }
        return out;
    }

    @Test
    void dcOnlyAddsRoundedEighth() {
        int[] c = new int[16];
        c[0] = 100;
        int[] out = addToFlat(c, 128);
        for (int v : out) {
            assertEquals(128 + 13, v); // (100 + 4) >> 3
        }
    }

    @Test
    void firstHorizontalAcGivesTheCosineRamp() {
        // Column pass spreads 100 down column 1; the row pass gives
        // d1 = 100 + (100 * 20091 >> 16) = 130 and c1 = 100 * 35468 >> 16 = 54.
        int[] c = new int[16];
        c[1] = 100;
        int[] row = {128 + 16, 128 + 7, 128 - 7, 128 - 16};
        int[] out = addToFlat(c, 128);
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(row, java.util.Arrays.copyOfRange(out, r * 4, r * 4 + 4), "row " + r);
        }
    }

    @Test
    void resultSaturatesToPixelRange() {
        int[] c = new int[16];
        c[0] = 2000;
        for (int v : addToFlat(c, 250)) {
            assertEquals(255, v);
        }
        c[0] = -2000;
        for (int v : addToFlat(c, 5)) {
            assertEquals(0, v);
        }
    }

    @Test
    void dcOnlyShortcutEqualsTheFullTransform() {
        Random rnd = new Random(1);
        for (int i = 0; i < 1000; i++) {
            int dc = rnd.nextInt(4096) - 2048;
            int base = rnd.nextInt(256);
            int[] c = new int[16];
            c[0] = dc;
            byte[] full = new byte[16];
            byte[] shortcut = new byte[16];
            java.util.Arrays.fill(full, (byte) base);
            java.util.Arrays.fill(shortcut, (byte) base);
            Idct.inverseDctAdd(c, 0, new int[16], full, 0, 4);
            Idct.inverseDcOnlyAdd(dc, shortcut, 0, 4);
            assertArrayEquals(full, shortcut, "dc " + dc);
        }
    }

    @Test
    void whtOfDcSpreadsRoundedEighthToEveryBlock() {
        int[] c = new int[25 * 16];
        c[24 * 16] = 80;
        Idct.inverseWht(c, 24 * 16, new int[16], c);
        for (int b = 0; b < 16; b++) {
            assertEquals(10, c[b * 16], "block " + b); // (80 + 3) >> 3
        }
    }

    @Test
    void whtOfFirstHorizontalCoefficientGivesSignPattern() {
        int[] c = new int[25 * 16];
        c[24 * 16 + 1] = 8;
        Idct.inverseWht(c, 24 * 16, new int[16], c);
        int[] expectedRow = {1, 1, -1, -1};
        for (int b = 0; b < 16; b++) {
            assertEquals(expectedRow[b & 3], c[b * 16], "block " + b);
        }
    }
}
