package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.sctp.assoc.Association;
import dev.jrtc.sctp.assoc.TsnTracker;
import dev.jrtc.sctp.packet.Chunk;
import dev.jrtc.sctp.packet.DataFormat;
import dev.jrtc.sctp.packet.PacketWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Packets a hostile or broken peer might send (with the right verification tag, as over DTLS the
 * peer is the only sender) are dropped and counted: no exception, no unbounded memory, and the
 * association keeps carrying the real peer's data afterwards.
 */
class HostileInputCannotCrashOrGrowMemoryTest {
    private SimulatedPair p;
    private DataChannel a;
    private Association target;
    private long tag;

    @BeforeEach
    void establish() {
        p = SimulatedPair.clean(51);
        p.connectBoth();
        assertTrue(p.runUntil(p::established, 5 * SimulatedPair.SECOND));
        a = p.a.createDataChannel(p.now, DataChannelInit.reliable("x").negotiatedOn(2));
        p.b.createDataChannel(p.now, DataChannelInit.reliable("x").negotiatedOn(2));
        p.drain();
        target = p.b.association();
        tag = target.localVerificationTag();
    }

    private byte[] packet(Chunk... chunks) {
        PacketWriter w = new PacketWriter(1200);
        w.start(5000, 5000, tag);
        for (Chunk c : chunks) {
            w.add(c);
        }
        return w.finish();
    }

    private void inject(byte[] packet) {
        p.b.handlePacket(p.now, packet, 0, packet.length);
        p.drain();
    }

    private void stillCarriesData() {
        a.send(p.now, "after");
        p.drain();
        p.runFor(3 * SimulatedPair.SECOND);
        assertTrue(p.eventsB.stream().anyMatch(e -> e instanceof SctpEvent.Message m && m.text().equals("after")),
                "the association still delivers");
    }

    private Chunk.Data data(long tsn, int stream, int flags, int length) {
        return new Chunk.Data(DataFormat.I_DATA, flags, tsn & 0xFFFF_FFFFL, stream, 0, 53, 0, new byte[length], 0, length);
    }

    @Test
    void tsnFarOutsideTheWindowIsDroppedWithoutAllocating() {
        long base = p.a.association().localVerificationTag(); // any number: TSNs relative to nothing known
        for (int i = 0; i < 1000; i++) {
            inject(packet(data(base + (1L << 30) + i * 7919L, 2, Chunk.Data.BEGINNING | Chunk.Data.ENDING, 100)));
        }
        assertTrue(target.counters().tsnsOutOfWindow + target.counters().duplicateTsns >= 1000);
        assertTrue(target.trackerBytes() <= TsnTracker.MAX_AHEAD / 8 * 2, "tracker bytes " + target.trackerBytes());
        assertEquals(0, target.receiveBytesHeld());
        stillCarriesData();
    }

    @Test
    void aFloodOfOutOfOrderFragmentsIsBoundedByTheReceiveWindow() {
        // Fragments that never complete, above a hole the real sender will fill later.
        SimulatedPair q = p;
        long heldMax = 0;
        for (int i = 0; i < 3000; i++) {
            // The peer's next TSN is unknown here; guess by offset above B's cumulative ack via A's view.
            inject(packet(new Chunk.Data(DataFormat.I_DATA, Chunk.Data.BEGINNING, 0, 2, 1000 + i, 53, 0,
                    new byte[1000], 0, 1000)));
            heldMax = Math.max(heldMax, target.receiveBytesHeld());
        }
        assertTrue(heldMax <= 2L * SctpConfig.defaults().receiveWindow(), "held " + heldMax);
        assertTrue(q.b.stats().duplicateTsns > 0 || q.b.stats().chunksReceived > 0);
    }

    @Test
    void bogusForwardTsnFarAheadIsRefused() {
        List<Chunk.SkippedMessage> skips = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            skips.add(new Chunk.SkippedMessage(60000 + s, false, 0x7FFFFFFFL));
        }
        long before = target.counters().protocolViolations;
        inject(packet(new Chunk.ForwardTsn(DataFormat.I_DATA, (tag + 0x7FFF_FFFFL) & 0xFFFF_FFFFL, skips)));
        inject(packet(new Chunk.ForwardTsn(DataFormat.DATA, 1, List.of()))); // wrong format for I-DATA
        assertTrue(target.counters().protocolViolations + target.counters().unexpectedChunks > before);
        stillCarriesData();
    }

    @Test
    void sackForTsnsNeverSentIsAProtocolViolation() {
        inject(packet(new Chunk.Sack(p.b.association().localVerificationTag() ^ 0x5555, 1 << 20,
                new int[] {2, 60000}, new long[] {1, 2, 3})));
        assertTrue(target.counters().protocolViolations + target.counters().staleSacks > 0);
        stillCarriesData();
    }

    @Test
    void badChecksumWrongTagWrongPortAndGarbageAreCountedApart() {
        byte[] good = packet(new Chunk.Heartbeat(new byte[8]));
        byte[] badSum = good.clone();
        badSum[good.length - 1] ^= 1;
        inject(badSum);
        assertEquals(1, target.counters().badChecksums);
        long savedTag = tag;
        tag = savedTag ^ 1;
        inject(packet(new Chunk.Heartbeat(new byte[8])));
        tag = savedTag;
        assertEquals(1, target.counters().wrongVerificationTag);
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            byte[] garbage = good.clone();
            int cut = 12 + r.nextInt(garbage.length - 12);
            byte[] mangled = java.util.Arrays.copyOf(garbage, cut + r.nextInt(8));
            for (int k = 12; k < mangled.length; k++) {
                if (r.nextInt(4) == 0) {
                    mangled[k] = (byte) r.nextInt();
                }
            }
            mangled[8] = mangled[9] = mangled[10] = mangled[11] = 0;
            dev.jrtc.sctp.packet.Crc32c.stamp(mangled, 0, mangled.length);
            inject(mangled);
        }
        assertTrue(target.counters().malformedPackets > 0);
        stillCarriesData();
    }

    @Test
    void anInitInsideAnEstablishedAssociationDoesNotDisturbIt() {
        byte[] init = p.a.association().localVerificationTag() == 0 ? null : initFromStranger();
        p.b.handlePacket(p.now, init, 0, init.length);
        p.drain();
        assertEquals(AssociationState.ESTABLISHED, p.b.state());
        stillCarriesData();
    }

    private byte[] initFromStranger() {
        PacketWriter w = new PacketWriter(1200);
        w.start(5000, 5000, 0);
        w.add(new Chunk.Init(new dev.jrtc.sctp.packet.InitParams(0x12345678L, 65536, 10, 10, 777,
                dev.jrtc.sctp.packet.Extensions.NONE, null)));
        return w.finish();
    }
}
