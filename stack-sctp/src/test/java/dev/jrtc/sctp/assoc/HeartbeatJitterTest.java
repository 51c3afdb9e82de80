package dev.jrtc.sctp.assoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.sctp.SctpConfig;
import dev.jrtc.sctp.packet.Chunk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat interval is RTO + HB.interval with a jitter of ±50 % of the RTO (RFC 9260 §8.3).
 * The timer restarts on every SACK, so the jitter is drawn once per HEARTBEAT sent, not per restart:
 * a draw from the secure random source on every SACK cost a lock and an allocation per packet.
 */
class HeartbeatJitterTest {
    private static final long MS = 1_000_000L;

    /** Counts draws; the values walk so that each draw differs. */
    private static final class CountingRandom implements RandomSource {
        int draws;
        long next = 0x1234_5678_9ABC_DEFL;

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) nextLong();
            }
        }

        @Override
        public long nextLong() {
            draws++;
            next = next * 6364136223846793005L + 1442695040888963407L;
            return next;
        }
    }

    private final SctpConfig config = SctpConfig.defaults();
    private final RtoEstimator rto = new RtoEstimator(1000 * MS, 200 * MS, 60_000 * MS);
    private final List<Chunk> sent = new ArrayList<>();
    private final CountingRandom random = new CountingRandom();
    private final HeartbeatMonitor monitor = new HeartbeatMonitor(config, random, rto, new SctpCounters(), sent::add);

    @Test
    void restartsOnEverySackDrawNoRandomnessAndKeepTheInterval() {
        monitor.restart(0);
        long interval = monitor.deadline();
        int draws = random.draws;
        for (long now = 1; now <= 10_000; now++) {
            monitor.restart(now);
            assertEquals(now + interval, monitor.deadline(), "same interval after restart at " + now);
        }
        assertEquals(draws, random.draws, "a restart drew from the random source");
    }

    @Test
    void theIntervalIsRtoPlusHbIntervalWithinHalfAnRtoEitherWayAndChangesPerHeartbeat() {
        long r = rto.rto();
        List<Long> intervals = new ArrayList<>();
        long now = 0;
        monitor.restart(now);
        for (int i = 0; i < 50; i++) {
            long interval = monitor.deadline() - now;
            intervals.add(interval);
            long base = config.heartbeatIntervalNanos() + r;
            assertTrue(interval >= base - r / 2 && interval < base + r / 2 + 1,
                    "interval " + interval + " outside RTO + HB.interval ± RTO/2");
            now = monitor.deadline();
            assertTrue(monitor.due(now));
            monitor.send(now);
        }
        assertEquals(50, sent.size());
        assertNotEquals(1, intervals.stream().distinct().count(), "the jitter never changed: " + intervals);
    }
}
