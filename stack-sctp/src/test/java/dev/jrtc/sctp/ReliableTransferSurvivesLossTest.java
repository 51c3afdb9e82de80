package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A reliable ordered channel carries a bulk transfer intact through random and burst loss, delay,
 * jitter, occasional reordering (0.2% of packets held back 1-5 ms) and a 100 Mbit/s bottleneck
 * with a 512 KiB drop-tail queue, 40 ms round trip. Loss applies to both directions (SACKs too). The size is 20 MiB so that {@code mvn verify}
 * stays quick on a shared machine; {@code -Djrtc.sctp.transferMiB=100} runs the full 100 MiB.
 */
class ReliableTransferSurvivesLossTest {
    private static final long MIB = 1 << 20;
    private static final long SIZE = Long.getLong("jrtc.sctp.transferMiB", 20) * MIB;

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("no loss", LossModel.none(), 11),
                Arguments.of("1% random loss", LossModel.random(0.01), 12),
                Arguments.of("5% random loss", LossModel.random(0.05), 13),
                Arguments.of("10% random loss", LossModel.random(0.10), 14),
                // Bursts: mean 20 packets good->bad transition 1%, bad state lasts ~4 packets, 50% lost there.
                Arguments.of("Gilbert-Elliott burst loss", LossModel.gilbertElliott(0.01, 0.25, 0.001, 0.5), 15));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void everyByteArrivesOnceAndInOrder(String name, LossModel loss, long seed) {
        long rate = 100_000_000L;
        SimulatedLink ab = new SimulatedLink(seed, loss, 20 * SimulatedPair.MS, 2 * SimulatedPair.MS, rate, 512 * 1024);
        SimulatedLink ba = new SimulatedLink(seed + 100, loss, 20 * SimulatedPair.MS, 2 * SimulatedPair.MS, rate, 512 * 1024);
        ab.reorderProbability = 0.002;
        ba.reorderProbability = 0.002;
        SimulatedPair p = new SimulatedPair(SctpConfig.defaults(), SctpConfig.defaults(), ab, ba, seed);
        p.connectBoth();
        assertTrue(p.runUntil(p::established, 60 * SimulatedPair.SECOND), "established");
        DataChannel ch = p.a.createDataChannel(p.now, DataChannelInit.reliable("bulk"));
        p.drain();
        BulkTransfer t = new BulkTransfer(p, ch, SIZE, 64 * 1024, 2 * MIB, seed);
        long took = t.runAndVerify(4 * 3600 * SimulatedPair.SECOND);
        System.out.printf("%s: %d MiB in %.2f s simulated (%.1f Mbit/s), A->B sent %d lost %d tail-dropped %d; "
                        + "stats A %s%n",
                name, SIZE / MIB, took / 1e9, SIZE * 8 / (took / 1e9) / 1e6, p.ab.sent, p.ab.lost, p.ab.tailDropped,
                StatsFormat.of(p.a.stats()));
    }
}
