package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShutdownAndAbortEndTheAssociationTest {

    private static List<SctpEvent.Closed> closed(List<SctpEvent> events) {
        return events.stream().filter(SctpEvent.Closed.class::isInstance).map(SctpEvent.Closed.class::cast).toList();
    }

    @Test
    void shutdownDeliversEverythingQueuedThenClosesBothSides() {
        SimulatedPair p = new SimulatedPair(SctpConfig.defaults(), SctpConfig.defaults(),
                new SimulatedLink(41, LossModel.random(0.05), 10 * SimulatedPair.MS, 0, 0, 0),
                new SimulatedLink(42, LossModel.random(0.05), 10 * SimulatedPair.MS, 0, 0, 0), 41);
        p.connectBoth();
        assertTrue(p.runUntil(p::established, 30 * SimulatedPair.SECOND));
        DataChannel a = p.a.createDataChannel(p.now, DataChannelInit.reliable("s").negotiatedOn(0));
        p.b.createDataChannel(p.now, DataChannelInit.reliable("s").negotiatedOn(0));
        for (int i = 0; i < 100; i++) {
            a.send(p.now, new byte[2000]);
        }
        p.a.shutdown(p.now);
        p.drain();
        assertThrows(IllegalStateException.class, () -> a.send(p.now, "late"), "no new data once shutting down");
        assertTrue(p.runUntil(() -> p.a.state() == AssociationState.CLOSED && p.b.state() == AssociationState.CLOSED,
                300 * SimulatedPair.SECOND));
        long messages = p.eventsB.stream().filter(SctpEvent.Message.class::isInstance).count();
        assertEquals(100, messages);
        assertEquals(CloseReason.Kind.SHUTDOWN, closed(p.eventsA).get(0).reason().kind());
        assertEquals(CloseReason.Kind.SHUTDOWN, closed(p.eventsB).get(0).reason().kind());
        assertEquals(ReadyState.CLOSED, a.readyState());
    }

    @Test
    void abortClosesAtOnceAndThePeerSeesTheReason() {
        SimulatedPair p = SimulatedPair.clean(43);
        p.connectBoth();
        assertTrue(p.runUntil(p::established, 5 * SimulatedPair.SECOND));
        p.a.abort(p.now, "user went away");
        p.drain();
        assertEquals(AssociationState.CLOSED, p.a.state());
        p.runFor(SimulatedPair.SECOND);
        assertEquals(AssociationState.CLOSED, p.b.state());
        SctpEvent.Closed c = closed(p.eventsB).get(0);
        assertEquals(CloseReason.Kind.ABORTED_BY_PEER, c.reason().kind());
        assertTrue(c.reason().detail().contains("user went away"), c.reason().detail());
    }

    @Test
    void aPeerThatVanishesIsDetectedByHeartbeats() {
        SctpConfig c = SctpConfig.defaults().withHeartbeatInterval(SimulatedPair.SECOND);
        SimulatedLink ab = new SimulatedLink(44, LossModel.none(), 10 * SimulatedPair.MS, 0, 0, 0);
        SimulatedLink ba = new SimulatedLink(45, LossModel.dropNumbered(), 10 * SimulatedPair.MS, 0, 0, 0);
        SimulatedPair p = new SimulatedPair(c, c, ab, ba, 44);
        p.connectBoth();
        assertTrue(p.runUntil(p::established, 5 * SimulatedPair.SECOND));
        p.runFor(30 * SimulatedPair.SECOND);
        assertEquals(AssociationState.ESTABLISHED, p.a.state(), "heartbeats answered keep it up");
        p.b.abort(p.now, "silently"); // B's ABORT is sent...
        p.drain();
        p.runFor(3600 * SimulatedPair.SECOND);
        assertEquals(AssociationState.CLOSED, p.a.state());
    }
}
