package dev.jrtc.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Index estimation of RFC 3711 §3.3.1 at the edges. */
class RolloverCounterTest {

    @Test
    void aStreamStartingNearTheTopStaysInRocZeroUntilItWraps() {
        RolloverCounter c = new RolloverCounter();
        assertEquals(65000, c.estimate(65000));
        c.update(65000);
        assertEquals(65535, c.estimate(65535));
        assertEquals((1L << 16) | 3, c.estimate(3), "after 65535 comes ROC 1");
        assertEquals(64000, c.estimate(64000), "a late packet from before stays in ROC 0");
    }

    @Test
    void aLatePacketFromBeforeTheWrapGetsThePreviousRoc() {
        RolloverCounter c = new RolloverCounter();
        c.update((5L << 16) | 10);
        assertEquals((4L << 16) | 65530, c.estimate(65530));
        assertEquals((5L << 16) | 11, c.estimate(11));
        assertEquals((5L << 16) | 30000, c.estimate(30000));
    }

    @Test
    void onlyUpdateMovesTheCounterAndOnlyForward() {
        RolloverCounter c = new RolloverCounter();
        c.update((2L << 16) | 40000);
        c.estimate(100); // estimating changes nothing
        assertEquals(2, c.roc());
        c.update((2L << 16) | 100); // older: ignored
        assertEquals(40000, c.highestSequence());
        c.update((3L << 16) | 100);
        assertEquals(3, c.roc());
        assertEquals(100, c.highestSequence());
    }

    @Test
    void theIndexSpaceEndsAfterRocTwoToTheThirtyTwoMinusOne() {
        RolloverCounter c = new RolloverCounter();
        c.update(RolloverCounter.MAX_INDEX - 100); // ROC 0xFFFFFFFF, seq 65435
        assertEquals(RolloverCounter.MAX_INDEX, c.estimate(65535));
        assertTrue(c.estimate(5) > RolloverCounter.MAX_INDEX, "ROC would wrap: must be refused");
    }

    @Test
    void replayWindowTracksTheLastSizeIndices() {
        ReplayWindow w = new ReplayWindow(128);
        assertEquals(ReplayWindow.OK, w.check(0));
        w.accept(1000);
        assertEquals(ReplayWindow.REPLAYED, w.check(1000));
        assertEquals(ReplayWindow.OK, w.check(873));
        assertEquals(ReplayWindow.TOO_OLD, w.check(872));
        w.accept(900);
        assertEquals(ReplayWindow.REPLAYED, w.check(900));
        w.accept(1100); // slides 100: 900 falls out of what is remembered as received
        assertEquals(ReplayWindow.TOO_OLD, w.check(900));
        assertEquals(ReplayWindow.REPLAYED, w.check(1000));
        assertEquals(ReplayWindow.OK, w.check(1050));
        w.accept(100_000); // a jump beyond the window forgets everything before
        assertEquals(ReplayWindow.OK, w.check(99_990));
    }
}
