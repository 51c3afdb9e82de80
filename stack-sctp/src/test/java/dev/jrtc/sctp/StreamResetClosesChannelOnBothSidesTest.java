package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamResetClosesChannelOnBothSidesTest {

    private static SimulatedPair established(long seed) {
        SimulatedPair p = SimulatedPair.clean(seed);
        p.connectBoth();
        assertTrue(p.runUntil(p::established, 5 * SimulatedPair.SECOND));
        return p;
    }

    private static <T> List<T> of(List<SctpEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void inBandChannelOpensOnBothSidesWithEvenIdForTheDtlsClient() {
        SimulatedPair p = established(31);
        DataChannel a = p.a.createDataChannel(p.now, DataChannelInit.reliable("chat").withProtocol("json"));
        p.drain();
        assertEquals(0, a.id() % 2);
        assertEquals(ReadyState.OPEN, a.readyState());
        p.runFor(SimulatedPair.SECOND);
        SctpEvent.IncomingChannel in = of(p.eventsB, SctpEvent.IncomingChannel.class).get(0);
        assertEquals("chat", in.channel().label());
        assertEquals("json", in.channel().protocol());
        assertEquals(a.id(), in.channel().id());
        DataChannel b = p.b.createDataChannel(p.now, DataChannelInit.reliable("other"));
        assertEquals(1, b.id() % 2, "the DTLS server picks odd ids");
    }

    @Test
    void closingDeliversQueuedMessagesThenClosesBothSidesAndFreesTheStream() {
        SimulatedPair p = established(32);
        DataChannel a = p.a.createDataChannel(p.now, DataChannelInit.reliable("c"));
        p.drain();
        p.runFor(SimulatedPair.SECOND);
        for (int i = 0; i < 50; i++) {
            a.send(p.now, "m" + i);
        }
        a.close(p.now);
        assertEquals(ReadyState.CLOSING, a.readyState());
        p.drain();
        p.runFor(5 * SimulatedPair.SECOND);
        List<SctpEvent.Message> got = of(p.eventsB, SctpEvent.Message.class);
        assertEquals(50, got.size(), "everything sent before close arrives");
        assertEquals("m49", got.get(49).text());
        assertEquals(ReadyState.CLOSED, a.readyState());
        DataChannel b = of(p.eventsB, SctpEvent.IncomingChannel.class).get(0).channel();
        assertEquals(ReadyState.CLOSED, b.readyState());
        assertEquals(1, of(p.eventsA, SctpEvent.ChannelClosed.class).size());
        assertEquals(1, of(p.eventsB, SctpEvent.ChannelClosing.class).size());
        assertEquals(1, of(p.eventsB, SctpEvent.ChannelClosed.class).size());
        assertNull(p.a.channel(a.id()));
        assertEquals(0, p.a.association().streamsWithState(), "no per-stream state left on A");
        assertEquals(0, p.b.association().streamsWithState(), "no per-stream state left on B");
    }

    @Test
    void aClosedIdCanBeReusedWithFreshSequenceNumbers() {
        SimulatedPair p = established(33);
        DataChannel a = p.a.createDataChannel(p.now, DataChannelInit.reliable("x").negotiatedOn(4));
        DataChannel b = p.b.createDataChannel(p.now, DataChannelInit.reliable("x").negotiatedOn(4));
        p.drain();
        a.send(p.now, "first");
        p.drain();
        p.runFor(SimulatedPair.SECOND);
        b.close(p.now);
        p.drain();
        p.runFor(5 * SimulatedPair.SECOND);
        assertEquals(ReadyState.CLOSED, a.readyState());
        DataChannel a2 = p.a.createDataChannel(p.now, DataChannelInit.reliable("y").negotiatedOn(4));
        DataChannel b2 = p.b.createDataChannel(p.now, DataChannelInit.reliable("y").negotiatedOn(4));
        p.drain();
        a2.send(p.now, "second");
        p.drain();
        p.runFor(SimulatedPair.SECOND);
        List<SctpEvent.Message> got = of(p.eventsB, SctpEvent.Message.class);
        assertEquals(2, got.size());
        assertEquals("second", got.get(1).text());
        assertNotNull(b2);
    }

    @Test
    void resetSurvivesALossyLink() {
        SimulatedPair p = new SimulatedPair(SctpConfig.defaults(), SctpConfig.defaults(),
                new SimulatedLink(34, LossModel.random(0.2), 10 * SimulatedPair.MS, 0, 0, 0),
                new SimulatedLink(35, LossModel.random(0.2), 10 * SimulatedPair.MS, 0, 0, 0), 34);
        p.connectBoth();
        assertTrue(p.runUntil(p::established, 60 * SimulatedPair.SECOND));
        DataChannel a = p.a.createDataChannel(p.now, DataChannelInit.reliable("lossy"));
        p.drain();
        for (int i = 0; i < 200; i++) {
            a.send(p.now, new byte[500]);
        }
        a.close(p.now);
        p.drain();
        assertTrue(p.runUntil(() -> a.readyState() == ReadyState.CLOSED
                && p.b.channels().isEmpty(), 600 * SimulatedPair.SECOND));
        assertEquals(200, of(p.eventsB, SctpEvent.Message.class).size());
    }
}
