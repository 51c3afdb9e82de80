package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MessagesKeepTheirKindSizeAndBoundariesTest {

    private static SimulatedPair established(SctpConfig c, long seed) {
        SimulatedPair p = new SimulatedPair(c, c, new SimulatedLink(seed, LossModel.none(), 10 * SimulatedPair.MS, 0, 0, 0),
                new SimulatedLink(seed + 1, LossModel.none(), 10 * SimulatedPair.MS, 0, 0, 0), seed);
        p.connectBoth();
        assertTrue(p.runUntil(p::established, 5 * SimulatedPair.SECOND));
        return p;
    }

    private static List<SctpEvent.Message> messages(List<SctpEvent> events) {
        return events.stream().filter(SctpEvent.Message.class::isInstance).map(SctpEvent.Message.class::cast).toList();
    }

    @Test
    void emptyAndNonEmptyStringsAndBinariesArriveAsSent() {
        SimulatedPair p = established(SctpConfig.defaults(), 61);
        DataChannel a = p.a.createDataChannel(p.now, DataChannelInit.reliable("m").negotiatedOn(0));
        p.b.createDataChannel(p.now, DataChannelInit.reliable("m").negotiatedOn(0));
        a.send(p.now, "");
        a.send(p.now, new byte[0]);
        a.send(p.now, "héllo");
        a.send(p.now, new byte[] {0, 1, 2});
        p.drain();
        p.runFor(SimulatedPair.SECOND);
        List<SctpEvent.Message> got = messages(p.eventsB);
        assertEquals(4, got.size());
        assertEquals(MessageKind.STRING, got.get(0).kind());
        assertEquals(0, got.get(0).data().length);
        assertEquals(MessageKind.BINARY, got.get(1).kind());
        assertEquals(0, got.get(1).data().length);
        assertEquals("héllo", got.get(2).text());
        assertArrayEquals(new byte[] {0, 1, 2}, got.get(3).data());
    }

    @Test
    void largeMessagesUpToThePeerLimitAreFragmentedAndReassembled() {
        SctpConfig c = SctpConfig.defaults().withMaxMessageSize(1 << 20, 1 << 20);
        SimulatedPair p = established(c, 62);
        DataChannel a = p.a.createDataChannel(p.now, DataChannelInit.reliable("big").negotiatedOn(0));
        p.b.createDataChannel(p.now, DataChannelInit.reliable("big").negotiatedOn(0));
        byte[] big = new byte[1 << 20];
        new SplittableRandom(1).nextBytes(big);
        a.send(p.now, big);
        p.drain();
        p.runFor(10 * SimulatedPair.SECOND);
        assertArrayEquals(big, messages(p.eventsB).get(0).data());
        MessageTooLargeException e = assertThrows(MessageTooLargeException.class, () -> a.send(p.now, new byte[(1 << 20) + 1]));
        assertTrue(e.getMessage().contains("max-message-size"), e.getMessage());
    }

    @Test
    void defaultPeerLimitIs64KiBAsRfc8841Says() {
        SimulatedPair p = established(SctpConfig.defaults(), 63);
        DataChannel a = p.a.createDataChannel(p.now, DataChannelInit.reliable("x").negotiatedOn(0));
        a.send(p.now, new byte[65536]);
        assertThrows(MessageTooLargeException.class, () -> a.send(p.now, new byte[65537]));
    }

    @Test
    void withInterleavingASmallMessageOvertakesALargeOneOnAnotherStream() {
        SctpConfig c = SctpConfig.defaults().withMaxMessageSize(1 << 22, 1 << 22).withReceiveWindow(8 << 20);
        SimulatedPair p = established(c, 64);
        DataChannel bulk = p.a.createDataChannel(p.now, DataChannelInit.reliable("bulk").negotiatedOn(0));
        DataChannel chat = p.a.createDataChannel(p.now, DataChannelInit.reliable("chat").negotiatedOn(2));
        p.b.createDataChannel(p.now, DataChannelInit.reliable("bulk").negotiatedOn(0));
        p.b.createDataChannel(p.now, DataChannelInit.reliable("chat").negotiatedOn(2));
        bulk.send(p.now, new byte[4 << 20]);
        chat.send(p.now, "urgent");
        p.drain();
        p.runFor(60 * SimulatedPair.SECOND);
        List<SctpEvent.Message> got = messages(p.eventsB);
        assertEquals(2, got.size());
        assertEquals("urgent", got.get(0).text(), "I-DATA lets the small message through first");
        assertEquals(4 << 20, got.get(1).data().length);
    }

    @Test
    void withoutInterleavingMessagesKeepTheirSendOrderAcrossStreams() {
        SctpConfig c = SctpConfig.defaults().withInterleaving(false).withMaxMessageSize(1 << 22, 1 << 22);
        SimulatedPair p = established(c, 65);
        DataChannel bulk = p.a.createDataChannel(p.now, DataChannelInit.reliable("bulk").negotiatedOn(0));
        DataChannel chat = p.a.createDataChannel(p.now, DataChannelInit.reliable("chat").negotiatedOn(2));
        p.b.createDataChannel(p.now, DataChannelInit.reliable("bulk").negotiatedOn(0));
        p.b.createDataChannel(p.now, DataChannelInit.reliable("chat").negotiatedOn(2));
        bulk.send(p.now, new byte[1 << 20]);
        chat.send(p.now, "waits");
        p.drain();
        p.runFor(60 * SimulatedPair.SECOND);
        List<SctpEvent.Message> got = messages(p.eventsB);
        assertEquals(1 << 20, got.get(0).data().length, "DATA cannot interleave: the large message goes first");
        assertEquals("waits", got.get(1).text());
    }

    @Test
    void bufferedAmountRisesOnSendAndFallsWithALowEventAtTheThreshold() {
        SimulatedPair p = established(SctpConfig.defaults(), 66);
        DataChannel a = p.a.createDataChannel(p.now, DataChannelInit.reliable("b").negotiatedOn(0));
        p.b.createDataChannel(p.now, DataChannelInit.reliable("b").negotiatedOn(0));
        a.setBufferedAmountLowThreshold(100_000);
        for (int i = 0; i < 20; i++) {
            a.send(p.now, new byte[50_000]);
        }
        assertEquals(1_000_000, a.bufferedAmount());
        p.drain();
        assertTrue(a.bufferedAmount() < 1_000_000, "the first burst left the queue");
        p.runFor(10 * SimulatedPair.SECOND);
        assertEquals(0, a.bufferedAmount());
        long lows = p.eventsA.stream().filter(SctpEvent.BufferedAmountLow.class::isInstance).count();
        assertEquals(1, lows, "one crossing, one event");
    }

    @Test
    void aConnectionWithoutChannelsHoldsNoStreamStateAndOneChannelOnlyItsOwn() {
        SimulatedPair p = established(SctpConfig.defaults(), 67);
        assertEquals(0, p.a.association().streamsWithState());
        DataChannel a = p.a.createDataChannel(p.now, DataChannelInit.reliable("one").negotiatedOn(40000));
        p.b.createDataChannel(p.now, DataChannelInit.reliable("one").negotiatedOn(40000));
        a.send(p.now, "x");
        p.drain();
        p.runFor(SimulatedPair.SECOND);
        assertEquals(1, p.a.association().streamsWithState());
        assertEquals(1, p.b.association().streamsWithState());
    }

    @Test
    void sendingOnAChannelThatIsNotOpenIsAnError() {
        SimulatedPair p = SimulatedPair.clean(68);
        DataChannel a = p.a.createDataChannel(p.now, DataChannelInit.reliable("early"));
        assertEquals(ReadyState.CONNECTING, a.readyState());
        assertThrows(IllegalStateException.class, () -> a.send(p.now, "too early"));
        p.connectBoth();
        assertTrue(p.runUntil(p::established, 5 * SimulatedPair.SECOND));
        assertEquals(ReadyState.OPEN, a.readyState(), "opens with the association");
        a.send(p.now, "now");
    }
}
