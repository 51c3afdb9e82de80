package dev.jrtc.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
    @Test
    void monotonicAndWallTimeAdvanceTogether() {
        VirtualClock clock = new VirtualClock(1_000, 5_000_000_000L);
        clock.advance(Duration.ofMillis(1500));
        assertEquals(1_500_001_000L, clock.nanoTime());
        assertEquals(6_500_000_000L, clock.epochNanos());
        assertEquals(6_500L, clock.epochMillis());
    }

    @Test
    void refusesToGoBackwards() {
        VirtualClock clock = new VirtualClock();
        assertThrows(IllegalArgumentException.class, () -> clock.advanceNanos(-1));
    }

    @Test
    void advanceToAnEarlierDeadlineLeavesTimeWhereItIs() {
        VirtualClock clock = new VirtualClock();
        clock.advanceTo(500);
        clock.advanceTo(100);
        assertEquals(500, clock.nanoTime());
    }

    @Test
    void wallClockMillisRoundTowardsMinusInfinityBeforeTheEpoch() {
        WallClock beforeEpoch = () -> -1L;
        assertEquals(-1L, beforeEpoch.epochMillis());
    }
}
