package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Partially reliable channels (RFC 3758 as the W3C defines maxRetransmits and maxPacketLifeTime)
 * lose only messages whose policy ran out, never corrupt or duplicate one, keep order on ordered
 * channels, and do not hold up the association; a reliable channel beside them loses nothing.
 */
class PartialReliabilityDropsOnlyWhatPolicyAllowsTest {
    private static final int COUNT = 1500;

    private static SimulatedPair lossyPair(long seed, boolean interleaving) {
        SctpConfig c = SctpConfig.defaults().withInterleaving(interleaving);
        return new SimulatedPair(c, c,
                new SimulatedLink(seed, LossModel.random(0.10), 25 * SimulatedPair.MS, 0, 20_000_000L, 256 * 1024),
                new SimulatedLink(seed + 1, LossModel.random(0.10), 25 * SimulatedPair.MS, 0, 20_000_000L, 256 * 1024),
                seed);
    }

    /** Message i: its index then bytes derived from it, so a corrupted or spliced message shows. */
    private static byte[] message(int i, int size) {
        byte[] b = new byte[size];
        ByteBuffer.wrap(b).putInt(0, i);
        for (int k = 4; k < size; k++) {
            b[k] = (byte) (i * 31 + k);
        }
        return b;
    }

    private static int checkedIndex(byte[] b, int size) {
        int i = ByteBuffer.wrap(b).getInt(0);
        assertTrue(Arrays.equals(message(i, size), b), "message " + i + " arrived intact");
        return i;
    }

    private record Outcome(int delivered, int reliableDelivered, boolean ordered, long abandoned, long forwardTsns) {
    }

    private Outcome run(SimulatedPair p, DataChannelInit prInit, int size) {
        p.connectBoth();
        assertTrue(p.runUntil(p::established, 60 * SimulatedPair.SECOND));
        DataChannel pr = p.a.createDataChannel(p.now, prInit);
        DataChannel reliable = p.a.createDataChannel(p.now, DataChannelInit.reliable("control"));
        p.drain();
        BitSet seen = new BitSet();
        int[] reliableCount = {0};
        int[] last = {-1};
        boolean[] ordered = {true};
        p.keepEvents = false;
        p.onEventB = e -> {
            if (e instanceof SctpEvent.Message m && m.channel().label().equals(prInit.label())) {
                int i = checkedIndex(m.data(), size);
                assertTrue(!seen.get(i), "message " + i + " delivered twice");
                seen.set(i);
                ordered[0] &= i > last[0];
                last[0] = i;
            } else if (e instanceof SctpEvent.Message m) {
                assertEquals(reliableCount[0], checkedIndex(m.data(), 64), "reliable channel in order");
                reliableCount[0]++;
            }
        };
        // Paced at one message per channel every 20 ms: under what a 10%-loss, 50 ms link carries
        // (about 0.7 Mbit/s by the Reno bound), so lifetimes expire on loss, not in the queue.
        long start = p.now;
        int[] next = {0};
        long[] nextSendAt = {p.now};
        p.afterStep = () -> {
            while (next[0] < COUNT && p.now >= nextSendAt[0]) {
                for (int k = 0; k < 1 && next[0] < COUNT; k++, next[0]++) {
                    pr.send(p.now, message(next[0], size));
                    reliable.send(p.now, message(next[0], 64));
                }
                nextSendAt[0] += 20 * SimulatedPair.MS;
            }
        };
        p.runUntil(() -> next[0] == COUNT && reliableCount[0] == COUNT
                && p.a.association().outstandingChunks() == 0 && p.a.association().queuedBytes() == 0,
                3600 * SimulatedPair.SECOND);
        System.out.printf("%s: delivered %d/%d in %.1f s simulated; A %s; B %s%n", prInit, seen.cardinality(), COUNT,
                (p.now - start) / 1e9, StatsFormat.of(p.a.stats()), StatsFormat.of(p.b.stats()));
        assertEquals(COUNT, reliableCount[0], "the reliable channel lost nothing");
        assertEquals(0, p.b.association().receiveBytesHeld(), "no abandoned fragment is left behind");
        return new Outcome(seen.cardinality(), reliableCount[0], ordered[0], p.a.stats().messagesAbandoned,
                p.a.stats().forwardTsnSent);
    }

    @ParameterizedTest(name = "interleaving={0}")
    @ValueSource(booleans = {true, false})
    void maxRetransmitsZeroUnorderedLosesAboutTheLinkLossRate(boolean interleaving) {
        Outcome o = run(lossyPair(21, interleaving),
                DataChannelInit.reliable("pr").withOrdered(false).withMaxRetransmits(0), 3000);
        // 3000-byte messages are three fragments: each is lost with 1 - 0.9^3 = 27%.
        double lossRate = 1 - o.delivered() / (double) COUNT;
        assertTrue(lossRate > 0.15 && lossRate < 0.40, "message loss " + lossRate);
        assertTrue(o.abandoned() > 0 && o.forwardTsns() > 0);
    }

    @ParameterizedTest(name = "interleaving={0}")
    @ValueSource(booleans = {true, false})
    void maxPacketLifeTimeOrderedDropsExpiredMessagesAndKeepsOrder(boolean interleaving) {
        Outcome o = run(lossyPair(22, interleaving),
                DataChannelInit.reliable("timed").withMaxPacketLifeTime(150), 1000);
        assertTrue(o.ordered(), "ordered channel stays in order");
        // RTO.Min is 1 s, so a message lost once is abandoned unless fast retransmit saves it within
        // 150 ms, and messages queued behind a timeout expire too: more is lost than the link loses.
        assertTrue(o.delivered() < COUNT && o.delivered() > COUNT / 2, "delivered " + o.delivered());
        assertTrue(o.abandoned() > 0);
    }

    @Test
    void maxPacketLifeTimeOnACleanLinkLosesNothing() {
        SimulatedPair p = SimulatedPair.clean(24);
        Outcome o = run(p, DataChannelInit.reliable("timed").withMaxPacketLifeTime(150), 2000);
        assertEquals(COUNT, o.delivered());
        assertTrue(o.ordered());
        assertEquals(0, o.abandoned());
    }

    @Test
    void maxRetransmitsOnACleanLinkLosesNothing() {
        SimulatedPair p = SimulatedPair.clean(23);
        Outcome o = run(p, DataChannelInit.reliable("pr").withOrdered(false).withMaxRetransmits(0), 2000);
        assertEquals(COUNT, o.delivered());
        assertEquals(0, o.abandoned());
    }
}
