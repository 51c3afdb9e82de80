package dev.jrtc.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The load harness's own measuring parts: percentiles, frame stamps and signalling lines. */
class LoadMeasurementPiecesTest {

    @Test
    void percentilesAreUpperBucketEdgesOfTheNearestRank() {
        LatencyHistogram h = new LatencyHistogram();
        assertTrue(Double.isNaN(h.percentileMillis(50)));
        for (int i = 1; i <= 100; i++) {
            h.record(i * 100_000L); // 0.1 ms .. 10 ms
        }
        assertEquals(100, h.count());
        assertEquals(5.01, h.percentileMillis(50), 1e-9);
        assertEquals(9.91, h.percentileMillis(99), 1e-9);
        h.record(60_000_000_000L); // a minute: clamped into the last bucket, still counted
        assertEquals(10_000.0, h.percentileMillis(100), 1e-9);
        h.reset();
        assertEquals(0, h.count());
    }

    @Test
    void framesCarryTheirIndexAndStampAndKeyFramesComeEverySecond() {
        byte[] key = LoadFrames.frame(200, 123_456_789L);
        byte[] delta = LoadFrames.frame(201, -5L);
        assertEquals(LoadFrames.FRAME_BYTES, key.length);
        assertEquals(0, key[0] & 1, "P bit clear on a key frame");
        assertEquals(1, delta[0] & 1, "P bit set on an inter frame");
        assertEquals(200, LoadFrames.index(key));
        assertEquals(123_456_789L, LoadFrames.sentNanos(key));
        assertEquals(201, LoadFrames.index(delta));
        assertEquals(-5L, LoadFrames.sentNanos(delta));
    }

    @Test
    void signalLinesSurviveTheRoundTripIncludingNewlinesInThePayload() {
        SignalLine cand = new SignalLine("CAND", 42, "0\n0\ncandidate:1 1 udp 2130706431 127.0.0.1 5000 typ host");
        assertEquals(cand, SignalLine.parse(cand.format()));
        assertEquals(1, cand.format().lines().count());
        SignalLine start = new SignalLine("START", 7, "");
        assertEquals("START 7", start.format());
        assertEquals(start, SignalLine.parse("START 7"));
    }
}
