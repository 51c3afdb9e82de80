package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jrtc.sctp.assoc.Association;
import dev.jrtc.sctp.assoc.TsnTracker;
import dev.jrtc.sctp.packet.Crc32c;

/**
 * Drives an established association with arbitrary chunks. The harness gives every packet the
 * right ports, verification tag and checksum, so the input reaches chunk handling rather than
 * stopping at the header checks. Input: records of [time step in ms: u8][length: u16][chunk bytes].
 * Nothing may throw, and memory stays bounded by the receive window.
 */
class EstablishedAssociationFuzzTest {
    @FuzzTest(maxDuration = "120s")
    void arbitraryChunksNeverBreakTheAssociation(byte[] data) {
        SimulatedPair p = SimulatedPair.clean(71);
        p.connectBoth();
        p.runUntil(p::established, 5 * SimulatedPair.SECOND);
        DataChannel a = p.a.createDataChannel(p.now, DataChannelInit.reliable("f").negotiatedOn(0));
        p.b.createDataChannel(p.now, DataChannelInit.reliable("f").negotiatedOn(0));
        a.send(p.now, "seed");
        p.drain();
        Association b = p.b.association();
        long tag = b.localVerificationTag();
        int i = 0;
        while (i + 3 <= data.length) {
            int step = data[i] & 0xFF;
            int len = Math.min(((data[i + 1] & 0xFF) << 8) | (data[i + 2] & 0xFF), data.length - i - 3);
            byte[] packet = new byte[12 + len];
            packet[0] = 0x13;
            packet[1] = (byte) 0x88;
            packet[2] = 0x13;
            packet[3] = (byte) 0x88;
            packet[4] = (byte) (tag >>> 24);
            packet[5] = (byte) (tag >>> 16);
            packet[6] = (byte) (tag >>> 8);
            packet[7] = (byte) tag;
            System.arraycopy(data, i + 3, packet, 12, len);
            Crc32c.stamp(packet, 0, packet.length);
            i += 3 + len;
            p.runFor(step * SimulatedPair.MS);
            p.b.handlePacket(p.now, packet, 0, packet.length);
            p.drain();
            assertTrue(b.receiveBytesHeld() <= 2 * SctpConfig.defaults().receiveWindow() + 65536);
            assertTrue(b.trackerBytes() <= TsnTracker.MAX_AHEAD / 4);
        }
        p.runFor(5 * SimulatedPair.SECOND);
    }
}
