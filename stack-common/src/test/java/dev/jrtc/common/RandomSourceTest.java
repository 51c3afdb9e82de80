package dev.jrtc.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RandomSourceTest {
    @Test
    void theSameSeedRepeatsTheSameSequence() {
        RandomSource a = RandomSource.seeded(42);
        RandomSource b = RandomSource.seeded(42);
        byte[] x = new byte[16];
        byte[] y = new byte[16];
        a.nextBytes(x);
        b.nextBytes(y);
        assertArrayEquals(x, y);
        assertEquals(a.nextLong(), b.nextLong());
        assertEquals(a.nextInt(1000), b.nextInt(1000));
    }

    @Test
    void differentSeedsDiffer() {
        assertNotEquals(RandomSource.seeded(1).nextLong(), RandomSource.seeded(2).nextLong());
    }

    @Test
    void boundedIntsStayInRangeAndCoverIt() {
        RandomSource r = RandomSource.seeded(7);
        int[] seen = new int[10];
        for (int i = 0; i < 10_000; i++) {
            seen[r.nextInt(10)]++;
        }
        for (int count : seen) {
            // Each bucket expects 1000; 800 is more than six standard deviations below.
            assertTrue(count > 800, "bucket count " + count);
        }
    }

    @Test
    void aNonPositiveBoundIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RandomSource.secure().nextInt(0));
    }
}
