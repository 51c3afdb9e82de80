package dev.jrtc.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.rtp.RtcpInterval.Minimum;
import org.junit.jupiter.api.Test;

/** {@link RtcpInterval} against the formulas of RFC 3550, sections 6.2, 6.3.1 and 6.3.3, and RFC 4585. */
class RtcpIntervalTest {
    private static final long MS = 1_000_000L;

    @Test
    void bandwidthShareAndMinimums() {
        // 1 Mbit/s session: RTCP gets 6250 B/s. First report 100 B + 28 B of IP/UDP = 128 B average.
        // Two members, one sender: 1 > 2/4, so no sender split: Td = 2 * 128 / 6250 s = 40.96 ms.
        RtcpInterval rfc = new RtcpInterval(1_000_000, Minimum.RFC3550, 100, RandomSource.seeded(1));
        assertEquals(2_500 * MS, rfc.deterministicNanos(2, 1, true, true), "half of 5 s before the first report");
        assertEquals(5_000 * MS, rfc.deterministicNanos(2, 1, true, false));
        RtcpInterval reduced = new RtcpInterval(1_000_000, Minimum.REDUCED, 100, RandomSource.seeded(1));
        assertEquals(40_960_000, reduced.deterministicNanos(2, 1, true, true), "unicast: no wait for the first");
        assertEquals(360 * MS, reduced.deterministicNanos(2, 1, true, false), "360 / 1000 kbit/s");
        RtcpInterval avpf = new RtcpInterval(1_000_000, Minimum.AVPF, 100, RandomSource.seeded(1));
        assertEquals(1_000 * MS, avpf.deterministicNanos(2, 1, true, true));
        assertEquals(40_960_000, avpf.deterministicNanos(2, 1, true, false), "bandwidth alone sets the pace");
        // Below 72 kbit/s the reduced minimum is longer than 5 s: 360 / 64 = 5.625 s.
        assertEquals(5_625 * MS, new RtcpInterval(64_000, Minimum.REDUCED, 100, RandomSource.seeded(1))
                .deterministicNanos(2, 1, true, false));
    }

    @Test
    void fewSendersShareAQuarterOfTheBandwidth() {
        RtcpInterval avpf = new RtcpInterval(1_000_000, Minimum.AVPF, 100, RandomSource.seeded(1));
        // 10 members, 2 senders (2 <= 10/4): a sender's Td = 2 * 128 / (0.25 * 6250) = 163.84 ms,
        // a receiver's = 8 * 128 / (0.75 * 6250) = 218.45 ms.
        assertEquals(163_840_000, avpf.deterministicNanos(10, 2, true, false));
        assertEquals(218_453_333, avpf.deterministicNanos(10, 2, false, false), 1);
        // 3 senders of 10 are more than a quarter: everyone counts alike, 10 * 128 / 6250 = 204.8 ms.
        assertEquals(204_800_000, avpf.deterministicNanos(10, 3, true, false));
    }

    @Test
    void averageSizeFollowsTheOneSixteenthFilter() {
        RtcpInterval i = new RtcpInterval(1_000_000, Minimum.AVPF, 100, RandomSource.seeded(1));
        assertEquals(128.0, i.averageSizeBytes());
        i.onCompound(100);
        assertEquals(128.0, i.averageSizeBytes());
        i.onCompound(228); // 256 with IP/UDP: 128 + (256 - 128) / 16
        assertEquals(136.0, i.averageSizeBytes());
        for (int k = 0; k < 400; k++) {
            i.onCompound(1000);
        }
        assertEquals(1028.0, i.averageSizeBytes(), 0.01);
        assertEquals(2 * 1028 * 1_000_000_000L / 6250, i.deterministicNanos(2, 1, true, false), 200_000);
    }

    @Test
    void randomizedIntervalsSpreadUniformlyAroundTheCompensatedMean() {
        RtcpInterval i = new RtcpInterval(64_000, Minimum.RFC3550, 100, RandomSource.seeded(42));
        double td = 5_000 * MS;
        double low = 0.5 * td / RtcpInterval.COMPENSATION;
        double high = 1.5 * td / RtcpInterval.COMPENSATION;
        int n = 20_000;
        double sum = 0;
        int[] quartiles = new int[4];
        for (int k = 0; k < n; k++) {
            long t = i.nextNanos(2, 1, true, false);
            assertTrue(t >= low && t < high, "interval " + t + " outside [" + low + ", " + high + ")");
            sum += t;
            quartiles[(int) ((t - low) / (high - low) * 4)]++;
        }
        assertEquals(td / RtcpInterval.COMPENSATION, sum / n, td * 0.01, "mean is Td / (e - 3/2)");
        for (int q : quartiles) {
            assertEquals(n / 4.0, q, n * 0.02, "uniform: every quarter of the range as likely");
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RtcpInterval(0, Minimum.AVPF, 100, RandomSource.seeded(1)));
        assertThrows(IllegalArgumentException.class, () -> new RtcpInterval(1, Minimum.AVPF, 0, RandomSource.seeded(1)));
        RtcpInterval i = new RtcpInterval(1_000_000, Minimum.AVPF, 100, RandomSource.seeded(1));
        assertThrows(IllegalArgumentException.class, () -> i.deterministicNanos(2, 3, true, false));
        assertThrows(IllegalArgumentException.class, () -> i.deterministicNanos(0, 0, false, false));
    }
}
