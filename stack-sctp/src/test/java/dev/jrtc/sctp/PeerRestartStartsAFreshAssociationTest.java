package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.sctp.assoc.Association;
import dev.jrtc.sctp.packet.Chunk;
import dev.jrtc.sctp.packet.ChunkParser;
import dev.jrtc.sctp.packet.PacketWriter;
import dev.jrtc.sctp.packet.SctpPacket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 9260 §5.2.2 and §5.2.4 case A: the peer restarts (loses all state and sends a new INIT)
 * while our association is established. We answer with a new tag and tie-tags, accept its COOKIE
 * ECHO as a restart, close every channel (the peer lost them), and carry on with fresh tags, TSNs
 * and streams. A COOKIE ECHO whose tie-tags do not name the current association changes nothing.
 */
class PeerRestartStartsAFreshAssociationTest {

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
    void aRestartedPeerGetsANewAssociationAndTheOldChannelsClose() {
        SimulatedPair p = established(81);
        DataChannel old = p.a.createDataChannel(p.now, DataChannelInit.reliable("before"));
        p.drain();
        for (int i = 0; i < 20; i++) {
            old.send(p.now, new byte[3000]);
        }
        p.drain();
        p.runFor(SimulatedPair.SECOND);
        assertEquals(20, of(p.eventsB, SctpEvent.Message.class).size());
        Association a = p.a.association();
        long oldTag = a.localVerificationTag();
        long oldPeerTag = a.peerVerificationTag();
        for (int i = 0; i < 5; i++) {
            old.send(p.now, "in flight when the peer restarts " + i);
        }

        p.restartB(999);
        p.eventsB.clear();
        assertTrue(p.runUntil(p::established, 5 * SimulatedPair.SECOND));
        p.runFor(SimulatedPair.SECOND);

        assertEquals(1, a.counters().peerRestarts);
        assertNotEquals(oldTag, a.localVerificationTag(), "a new tag for the new incarnation");
        assertNotEquals(oldPeerTag, a.peerVerificationTag());
        assertEquals(p.b.association().localVerificationTag(), a.peerVerificationTag());
        assertEquals(a.localVerificationTag(), p.b.association().peerVerificationTag());
        assertEquals(ReadyState.CLOSED, old.readyState(), "the peer lost the channel");
        assertEquals(1, of(p.eventsA, SctpEvent.ChannelClosed.class).size());
        assertEquals(1, of(p.eventsA, SctpEvent.Restarted.class).size());
        assertEquals(0, a.streamsWithState(), "nothing of the old streams is kept");
        assertEquals(0, a.queuedBytes());

        // Both directions work on the new association, with the old ids free again.
        DataChannel fromA = p.a.createDataChannel(p.now, DataChannelInit.reliable("after-a"));
        DataChannel fromB = p.b.createDataChannel(p.now, DataChannelInit.reliable("after-b"));
        p.drain();
        fromA.send(p.now, "hello new b");
        fromB.send(p.now, "hello a");
        p.drain();
        p.runFor(2 * SimulatedPair.SECOND);
        List<SctpEvent.Message> atB = of(p.eventsB, SctpEvent.Message.class);
        assertEquals(1, atB.size(), "only the new message reaches the restarted peer: " + atB);
        assertEquals("hello new b", atB.get(0).text());
        assertTrue(of(p.eventsA, SctpEvent.Message.class).stream().anyMatch(m -> m.text().equals("hello a")));
        assertEquals(AssociationState.ESTABLISHED, p.a.state());
    }

    @Test
    void aCookieEchoWithoutTheCurrentTieTagsIsRefused() {
        SimulatedPair p = established(82);
        Association a = p.a.association();
        // A stranger's INIT gets an INIT ACK whose cookie carries A's current tags as tie-tags.
        List<byte[]> toStranger = new ArrayList<>();
        byte[] initAck = initAckFor(p, toStranger);
        // Meanwhile the real peer restarts, so A's tags change and that cookie's tie-tags go stale.
        p.restartB(1000);
        assertTrue(p.runUntil(p::established, 5 * SimulatedPair.SECOND));
        assertEquals(1, a.counters().peerRestarts);
        long tag = a.localVerificationTag();
        long badBefore = a.counters().badCookies;

        SctpPacket ack;
        try {
            ack = ChunkParser.parse(initAck, 0, initAck.length);
        } catch (dev.jrtc.common.ParseException e) {
            throw new AssertionError(e);
        }
        Chunk.InitAck ia = (Chunk.InitAck) ack.chunks().get(0);
        PacketWriter w = new PacketWriter(1200);
        w.start(5000, 5000, ia.params().initiateTag());
        w.add(new Chunk.CookieEcho(ia.params().stateCookie()));
        byte[] echo = w.finish();
        p.a.handlePacket(p.now, echo, 0, echo.length);
        p.drain();

        assertEquals(badBefore + 1, a.counters().badCookies);
        assertEquals(1, a.counters().peerRestarts, "no second restart");
        assertEquals(tag, a.localVerificationTag());
        DataChannel ch = p.a.createDataChannel(p.now, DataChannelInit.reliable("still"));
        p.drain();
        ch.send(p.now, "still works");
        p.drain();
        p.runFor(2 * SimulatedPair.SECOND);
        assertTrue(of(p.eventsB, SctpEvent.Message.class).stream().anyMatch(m -> m.text().equals("still works")));
    }

    /** Sends A an INIT from a stranger and returns A's INIT ACK (taken off the link to B). */
    private static byte[] initAckFor(SimulatedPair p, List<byte[]> sink) {
        PacketWriter w = new PacketWriter(1200);
        w.start(5000, 5000, 0);
        w.add(new Chunk.Init(new dev.jrtc.sctp.packet.InitParams(0x1234_5678L, 65536, 10, 10, 777,
                dev.jrtc.sctp.packet.Extensions.NONE, null)));
        byte[] init = w.finish();
        p.a.handlePacket(p.now, init, 0, init.length);
        SctpOutput o;
        while (!((o = p.a.poll()) instanceof SctpOutput.Deadline)) {
            if (o instanceof SctpOutput.Packet packet) {
                sink.add(packet.data());
            }
        }
        assertEquals(1, sink.size(), "one INIT ACK");
        return sink.get(0);
    }
}
