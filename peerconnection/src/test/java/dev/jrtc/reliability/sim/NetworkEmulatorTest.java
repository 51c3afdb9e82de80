package dev.jrtc.reliability.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emulator does what each knob says, deterministically per seed. */
class NetworkEmulatorTest {
    private static final long MS = 1_000_000L;

    @Test
    void gilbertElliottPresetsHitTheirMeanLossAndBurstLength() {
        for (GilbertElliott preset : List.of(GilbertElliott.WIFI, GilbertElliott.LOSSY_WIFI, GilbertElliott.CONGESTED)) {
            NetworkEmulator path = NetworkEmulator.builder(1).burst(preset).build();
            int n = 400_000;
            int bursts = 0;
            boolean lostPrevious = false;
            for (int i = 0; i < n; i++) {
                boolean lost = path.offer(i * MS, 100).isEmpty();
                if (lost && !lostPrevious) {
                    bursts++;
                }
                lostPrevious = lost;
            }
            double loss = path.drops().burst / (double) n;
            double meanBurst = path.drops().burst / (double) bursts;
            assertEquals(preset.meanLoss(), loss, preset.meanLoss() * 0.1, "mean loss of " + preset);
            assertEquals(1 / preset.badToGood(), meanBurst, 0.3, "mean burst of " + preset);
        }
        assertEquals(0.01, GilbertElliott.WIFI.meanLoss(), 1e-9);
        assertEquals(0.05, GilbertElliott.LOSSY_WIFI.meanLoss(), 1e-9);
        assertEquals(0.10, GilbertElliott.CONGESTED.meanLoss(), 1e-9);
    }

    @Test
    void sameSeedSameFateDifferentSeedDifferentFate() {
        assertEquals(fates(7), fates(7));
        assertTrue(!fates(7).equals(fates(8)));
    }

    private static List<List<Long>> fates(long seed) {
        NetworkEmulator path = NetworkEmulator.builder(seed).latency(Duration.ofMillis(10))
                .jitter(Duration.ofMillis(20), 0.5).loss(0.1).duplicate(0.1).reorder(0.1, Duration.ofMillis(15)).build();
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            out.add(path.offer(i * MS, 100));
        }
        return out;
    }

    @Test
    void rateLimitSerialisesAndTailDropsWhatTheQueueCannotHold() {
        // 1 Mbit/s: a 1250-byte datagram takes 10 ms; the queue holds 5,000 bytes (4 datagrams).
        NetworkEmulator path = NetworkEmulator.builder(1).rate(1_000_000, 5_000).build();
        List<Long> arrivals = new ArrayList<>();
        int dropped = 0;
        for (int i = 0; i < 10; i++) {
            List<Long> a = path.offer(0, 1250);
            if (a.isEmpty()) {
                dropped++;
            } else {
                arrivals.add(a.get(0));
            }
        }
        assertEquals(List.of(10 * MS, 20 * MS, 30 * MS, 40 * MS), arrivals);
        assertEquals(6, dropped);
        assertEquals(6, path.drops().tailDrop);
        // Once the queue has drained, the link takes datagrams again.
        assertEquals(List.of(50 * MS), path.offer(40 * MS, 1250));
    }

    @Test
    void mtuBlackoutLatencyAndDuplicationDoWhatTheySay() {
        NetworkEmulator path = NetworkEmulator.builder(3).latency(Duration.ofMillis(50)).mtu(1200).duplicate(1.0).build();
        path.blackout(100 * MS, 200 * MS);
        assertEquals(List.of(), path.offer(0, 1201));
        assertEquals(List.of(50 * MS, 50 * MS), path.offer(0, 1200));
        assertEquals(List.of(), path.offer(150 * MS, 100));
        assertEquals(2, path.offer(200 * MS, 100).size());
        assertEquals(1, path.drops().oversize);
        assertEquals(1, path.drops().blackout);
    }

    @Test
    void correlatedJitterStaysInRangeAndDrifts() {
        NetworkEmulator path = NetworkEmulator.builder(4).latency(Duration.ofMillis(30)).jitter(Duration.ofMillis(40), 0.9)
                .build();
        long maxStep = 0;
        long previous = -1;
        for (int i = 0; i < 10_000; i++) {
            long delay = path.offer(0, 100).get(0);
            assertTrue(delay >= 30 * MS && delay < 70 * MS, "delay " + delay);
            if (previous >= 0) {
                maxStep = Math.max(maxStep, Math.abs(delay - previous));
            }
            previous = delay;
        }
        // With correlation 0.9 one sample moves at most 10% of the range away from the last one.
        assertTrue(maxStep <= 4 * MS, "largest step " + maxStep);
    }
}
