package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    @Test
    void acceptsEachNumberOnceWithinSixtyFourAndNothingOlder() {
        ReplayWindow w = new ReplayWindow();
        assertTrue(w.isNew(0));
        w.markSeen(0);
        assertFalse(w.isNew(0));
        w.markSeen(100);
        assertTrue(w.isNew(99), "a late record inside the window");
        assertTrue(w.isNew(37), "100 - 63 is the oldest the window holds");
        assertFalse(w.isNew(36), "100 - 64 has left the window");
        w.markSeen(99);
        assertFalse(w.isNew(99));
        assertFalse(w.isNew(100));
        assertTrue(w.isNew(101));
    }

    @Test
    void movingFarAheadForgetsTheOldBitmap() {
        ReplayWindow w = new ReplayWindow();
        w.markSeen(5);
        w.markSeen(5 + 1000);
        assertTrue(w.isNew(1004));
        assertFalse(w.isNew(1005));
        w.markSeen(1004);
        assertFalse(w.isNew(1004));
        assertTrue(w.isNew(1003));
    }

    @Test
    void onlyAuthenticatedRecordsMoveTheWindow() {
        ReplayWindow w = new ReplayWindow();
        w.markSeen(10);
        assertTrue(w.isNew(1L << 40), "checking a far-ahead number must not move anything");
        assertTrue(w.isNew(9));
    }

    @Test
    void aWindowTakenOverFromBouncyCastleTreatsEverythingItSawAsSeen() {
        ReplayWindow w = ReplayWindow.seenUpTo(3);
        for (long s = 0; s <= 3; s++) {
            assertFalse(w.isNew(s));
        }
        assertTrue(w.isNew(4));
        assertTrue(ReplayWindow.seenUpTo(-1).isNew(0), "nothing seen: sequence number 0 is new");
    }
}
