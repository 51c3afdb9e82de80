package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.sctp.assoc.SctpCounters;
import org.junit.jupiter.api.Test;

/**
 * A packet overtaken by a few later ones is not a loss. On a 100 Mbit/s, 40 ms round-trip link
 * without loss, holding back 0.2% of the packets by 1-5 ms (so that tens of later packets overtake
 * each) must cost little goodput: the sender detects loss by time (RACK) and undoes a window
 * reduction whose retransmissions prove spurious, instead of halving cwnd on every third miss
 * indication. Both runs are measured here, on the same simulated network and seeds.
 */
class ReorderingDoesNotCollapseThroughputTest {
    private static final long MIB = 1 << 20;
    private static final long SIZE = Long.getLong("jrtc.sctp.transferMiB", 20) * MIB;

    private record Run(double mbps, long reordered, SctpCounters stats) {
    }

    private static Run transfer(double reorderProbability, long seed) {
        long rate = 100_000_000L;
        SimulatedLink ab = new SimulatedLink(seed, LossModel.none(), 20 * SimulatedPair.MS, 2 * SimulatedPair.MS, rate,
                512 * 1024);
        SimulatedLink ba = new SimulatedLink(seed + 100, LossModel.none(), 20 * SimulatedPair.MS, 2 * SimulatedPair.MS,
                rate, 512 * 1024);
        ab.reorderProbability = reorderProbability;
        ba.reorderProbability = reorderProbability;
        SimulatedPair p = new SimulatedPair(SctpConfig.defaults(), SctpConfig.defaults(), ab, ba, seed);
        p.connectBoth();
        assertTrue(p.runUntil(p::established, 60 * SimulatedPair.SECOND), "established");
        DataChannel ch = p.a.createDataChannel(p.now, DataChannelInit.reliable("bulk"));
        p.drain();
        BulkTransfer t = new BulkTransfer(p, ch, SIZE, 64 * 1024, 2 * MIB, seed);
        long took = t.runAndVerify(3600 * SimulatedPair.SECOND);
        double mbps = SIZE * 8 / (took / 1e9) / 1e6;
        System.out.printf(
                "reordering %.1f%%: %d MiB in %.2f s simulated (%.1f Mbit/s), A->B reordered %d; stats A %s%n",
                reorderProbability * 100, SIZE / MIB, took / 1e9, mbps, ab.reordered, StatsFormat.of(p.a.stats()));
        return new Run(mbps, ab.reordered, p.a.stats());
    }

    @Test
    void reorderingKeepsMostOfTheGoodput() {
        Run inOrder = transfer(0, 21);
        Run reordered = transfer(0.002, 21);
        assertTrue(reordered.reordered() > 10, "the link reordered packets: " + reordered.reordered());
        assertTrue(reordered.mbps() >= 0.6 * inOrder.mbps(),
                String.format("goodput with 0.2%% reordering %.1f Mbit/s, in order %.1f Mbit/s", reordered.mbps(),
                        inOrder.mbps()));
        // Overtaken packets are not retransmitted once reordering has been seen (a few may be
        // before the window adapts, and those are recognised as spurious).
        assertTrue(reordered.stats().chunksRetransmitted * 4 < reordered.reordered(),
                "retransmitted " + reordered.stats().chunksRetransmitted + " of " + reordered.reordered()
                        + " reordered packets");
    }
}
