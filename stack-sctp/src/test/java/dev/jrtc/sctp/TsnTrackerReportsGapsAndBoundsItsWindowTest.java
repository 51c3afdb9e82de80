package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.sctp.assoc.TsnTracker;
import org.junit.jupiter.api.Test;

class TsnTrackerReportsGapsAndBoundsItsWindowTest {

    private static void receive(TsnTracker t, long tsn) {
        if (t.check(tsn) == TsnTracker.Verdict.NEW) {
            t.mark(tsn);
        } else if (t.check(tsn) == TsnTracker.Verdict.DUPLICATE) {
            t.recordDuplicate(tsn);
        }
    }

    @Test
    void gapBlocksAreOffsetsFromTheCumulativeAck() {
        TsnTracker t = new TsnTracker(100);
        for (long tsn : new long[] {100, 101, 103, 104, 107}) {
            receive(t, tsn);
        }
        assertEquals(101, t.cumulativeTsn());
        assertArrayEquals(new int[] {2, 3, 6, 6}, t.gapBlocks(10));
        receive(t, 102);
        assertEquals(104, t.cumulativeTsn());
        assertArrayEquals(new int[] {3, 3}, t.gapBlocks(10));
        assertTrue(t.bitsetBytes() > 0, "out-of-order arrival needed the bitset");
    }

    @Test
    void duplicatesAreReportedOnce() {
        TsnTracker t = new TsnTracker(1);
        receive(t, 1);
        receive(t, 3);
        receive(t, 1);
        receive(t, 3);
        assertArrayEquals(new long[] {1, 3}, t.drainDuplicates());
        assertArrayEquals(new long[0], t.drainDuplicates());
    }

    @Test
    void inOrderArrivalNeverAllocatesTheBitset() {
        TsnTracker t = new TsnTracker(0xFFFF_FFF0L);
        for (long i = 0; i < 100; i++) {
            receive(t, (0xFFFF_FFF0L + i) & 0xFFFF_FFFFL);
        }
        assertEquals((0xFFFF_FFF0L + 99) & 0xFFFF_FFFFL, t.cumulativeTsn(), "wraps through zero");
        assertEquals(0, t.bitsetBytes());
    }

    @Test
    void tsnFarAheadIsRefusedAndAllocatesNothing() {
        TsnTracker t = new TsnTracker(10);
        assertEquals(TsnTracker.Verdict.OUT_OF_WINDOW, t.check(10 + (1L << 30)));
        assertEquals(TsnTracker.Verdict.DUPLICATE, t.check(5), "behind the window counts as already received");
        assertEquals(0, t.bitsetBytes());
        receive(t, 10 + TsnTracker.MAX_AHEAD - 1);
        assertTrue(t.bitsetBytes() <= TsnTracker.MAX_AHEAD / 8 * 2, "bitset bounded: " + t.bitsetBytes());
    }

    @Test
    void forwardTsnMovesTheAckPointAndAbsorbsWhatIsAbove() {
        TsnTracker t = new TsnTracker(1);
        receive(t, 1);
        receive(t, 5);
        receive(t, 6);
        t.forwardTo(4);
        assertEquals(6, t.cumulativeTsn());
        assertArrayEquals(new int[0], t.gapBlocks(10));
        t.forwardTo(3);
        assertEquals(6, t.cumulativeTsn(), "going back is ignored");
    }
}
