package dev.jrtc.rtp.send;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The send history keeps packets by time in a ring of bytes, bounded by count and size. */
class SendHistoryTest {
    private static final long MS = 1_000_000L;

    private static byte[] packet(int seq, int len) {
        byte[] p = new byte[len];
        for (int i = 0; i < len; i++) {
            p[i] = (byte) (seq * 31 + i * 7);
        }
        return p;
    }

    @Test
    void aOneMegabitStreamKeepsOneSecondInAboutItsBitrateOfMemory() {
        SendHistory h = new SendHistory(1024);
        int ringAfterFiveSeconds = 0;
        for (int i = 0; i < 6000; i++) { // 60 s at 100 packets of 1,200 bytes a second
            h.put(i * 10 * MS, i, packet(i, 1200), 0, 1200);
            if (i == 499) {
                ringAfterFiveSeconds = h.bufferBytes();
            }
        }
        for (int seq = 5999 - 100; seq <= 5999; seq++) {
            assertArrayEquals(packet(seq, 1200), h.copy(seq), "packet " + seq + " of the last second");
        }
        assertFalse(h.contains(5999 - 400), "four seconds old: overwritten");
        assertEquals(ringAfterFiveSeconds, h.bufferBytes(), "steady sending does not grow the ring");
        assertTrue(h.bufferBytes() <= 256 * 1024, "about one second of a 1 Mbit/s stream: " + h.bufferBytes());
        assertTrue(h.tableSize() <= 256, "entries for about one second of packets: " + h.tableSize());
    }

    @Test
    void aLongerRetentionKeepsMore() {
        SendHistory h = new SendHistory(1024);
        h.retainFor(3_000 * MS);
        for (int i = 0; i < 1000; i++) {
            h.put(i * 10 * MS, i, packet(i, 1200), 0, 1200);
        }
        for (int seq = 999 - 300; seq <= 999; seq++) {
            assertArrayEquals(packet(seq, 1200), h.copy(seq), "packet " + seq + " of the last three seconds");
        }
    }

    @Test
    void theStreamKeepsThreeRoundTripsBetweenOneAndTwoSeconds() {
        assertEquals(1_000 * MS, SendStream.historyRetention(-1), "RTT not measured yet");
        assertEquals(1_000 * MS, SendStream.historyRetention(100 * MS));
        assertEquals(1_500 * MS, SendStream.historyRetention(500 * MS));
        assertEquals(2_000 * MS, SendStream.historyRetention(3_000 * MS), "a congested path does not hold seconds more");
    }

    @Test
    void neverMoreThanCapacityPackets() {
        SendHistory h = new SendHistory(16);
        for (int i = 0; i < 40; i++) {
            h.put(0, i, packet(i, 100), 0, 100); // all sent "now": only the count pushes them out
        }
        for (int seq = 0; seq < 40; seq++) {
            assertEquals(seq >= 24, h.contains(seq), "packet " + seq);
        }
        assertNull(h.copy(23));
    }

    @Test
    void packetsOfAnySizeComeBackExactWhileHeld() {
        Random r = new Random(11);
        SendHistory h = new SendHistory(256);
        List<byte[]> sent = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < 20_000; i++) {
            int len = i % 997 == 0 ? 60_000 : 12 + r.nextInt(1400);
            byte[] p = new byte[len];
            r.nextBytes(p);
            now += r.nextInt(20) * MS;
            h.put(now, i & 0xFFFF, p, 0, len);
            sent.add(p);
            at.add(now);
            int probe = Math.max(0, i - r.nextInt(400));
            byte[] back = h.copy(probe & 0xFFFF);
            boolean mustHold = i - probe < 256 && now - at.get(probe) < 1_000 * MS && h.bufferBytes() < 256 * 1_500;
            if (back != null) {
                assertArrayEquals(sent.get(probe), back, "packet " + probe + " after " + i);
            } else {
                assertFalse(mustHold, "packet " + probe + " young and within the count, dropped after " + i);
            }
        }
    }

    @Test
    void retransmissionsAreThrottledAndCounted() {
        SendHistory h = new SendHistory(64);
        h.put(0, 7, packet(7, 50), 0, 50);
        assertEquals(0, h.claimRetransmission(7, 10 * MS, 20 * MS));
        assertEquals(-1, h.claimRetransmission(7, 20 * MS, 20 * MS), "asked again within the interval");
        assertEquals(1, h.claimRetransmission(7, 40 * MS, 20 * MS));
        assertEquals(-1, h.claimRetransmission(8, 40 * MS, 0), "never sent");
    }
}
