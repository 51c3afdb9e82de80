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

    /** RFC 9260 §6.2: a DATA chunk with no user data MUST be answered with ABORT, cause "No User Data" and its TSN. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aDataChunkWithoutUserDataIsAnsweredWithAbortNoUserData(boolean interleaving) throws Exception {
        SctpConfig d = SctpConfig.defaults();
        SctpConfig cfg = new SctpConfig(d.localPort(), d.remotePort(), d.maxPacketSize(), d.receiveWindow(), d.streams(),
                d.rtoInitialNanos(), d.rtoMinNanos(), d.rtoMaxNanos(), d.maxBurst(), d.maxRetransmissions(),
                d.maxInitRetransmissions(), d.delayedAckNanos(), d.heartbeatIntervalNanos(), d.cookieLifetimeNanos(),
                interleaving, d.partialReliability(), d.localMaxMessageSize(), d.remoteMaxMessageSize());
        SimulatedPair p = new SimulatedPair(cfg, cfg, new SimulatedLink(47, LossModel.none(), 10 * SimulatedPair.MS, 0, 0, 0),
                new SimulatedLink(48, LossModel.none(), 10 * SimulatedPair.MS, 0, 0, 0), 47);
        p.connectBoth();
        assertTrue(p.runUntil(p::established, 5 * SimulatedPair.SECOND));
        long tag = p.b.association().localVerificationTag();
        // DATA (flags B|E, length 16): TSN 0x0a0b0c0d, stream 0, SSN 0, PPID 53, and no user data;
        // I-DATA (length 20): TSN, stream 0, reserved, MID 0, PPID 53, and no user data.
        byte[] chunk = interleaving
                ? new byte[] {64, 3, 0, 20, 0x0a, 0x0b, 0x0c, 0x0d, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 53}
                : new byte[] {0, 3, 0, 16, 0x0a, 0x0b, 0x0c, 0x0d, 0, 0, 0, 0, 0, 0, 0, 53};
        byte[] packet = new byte[12 + chunk.length];
        packet[0] = 0x13;
        packet[1] = (byte) 0x88;
        packet[2] = 0x13;
        packet[3] = (byte) 0x88;
        for (int i = 0; i < 4; i++) {
            packet[4 + i] = (byte) (tag >>> (24 - 8 * i));
        }
        System.arraycopy(chunk, 0, packet, 12, chunk.length);
        dev.jrtc.sctp.packet.Crc32c.stamp(packet, 0, packet.length);

        p.b.handlePacket(p.now, packet, 0, packet.length);
        byte[] abort = null;
        for (SctpOutput out = p.b.poll(); !(out instanceof SctpOutput.Deadline); out = p.b.poll()) {
            if (out instanceof SctpOutput.Packet pk) {
                assertEquals(null, abort, "one packet: the ABORT");
                abort = pk.data();
            } else {
                p.eventsB.add((SctpEvent) out);
            }
        }
        assertTrue(abort != null, "B answered");
        var parsed = dev.jrtc.sctp.packet.ChunkParser.parse(abort, 0, abort.length);
        var a = (dev.jrtc.sctp.packet.Chunk.Abort) parsed.chunks().get(0);
        assertEquals(1, a.causes().size());
        assertEquals(dev.jrtc.sctp.packet.ErrorCause.NO_USER_DATA, a.causes().get(0).code());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {0x0a, 0x0b, 0x0c, 0x0d}, a.causes().get(0).info());
        assertEquals(p.a.association().localVerificationTag(), parsed.verificationTag());
        assertEquals(AssociationState.CLOSED, p.b.state());

        p.a.handlePacket(p.now, abort, 0, abort.length);
        p.drain();
        assertEquals(AssociationState.CLOSED, p.a.state());
        assertEquals(CloseReason.Kind.ABORTED_LOCALLY, closed(p.eventsB).get(0).reason().kind());
        SctpEvent.Closed c = closed(p.eventsA).get(0);
        assertEquals(CloseReason.Kind.ABORTED_BY_PEER, c.reason().kind());
        assertTrue(c.reason().detail().contains("cause 9"), c.reason().detail());
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
