package dev.jrtc.ice.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import dev.jrtc.common.RandomSource;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class StunMessageRoundTripTest {
    private final RandomSource random = RandomSource.seeded(7);

    @Test
    void everyAttributeKindRoundTripsWithSha256Integrity() throws Exception {
        byte[] key = "secret".getBytes();
        StunMessage m = StunMessage.request(StunMethod.ALLOCATE, random)
                .address(StunAttributeType.XOR_PEER_ADDRESS, new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 9))
                .address(StunAttributeType.MAPPED_ADDRESS, new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 4000))
                .text(StunAttributeType.REALM, "r")
                .add(new StunAttribute.Number32(StunAttributeType.LIFETIME, 600))
                .add(new StunAttribute.Number64(StunAttributeType.ICE_CONTROLLING, -5L))
                .add(new StunAttribute.Flag(StunAttributeType.USE_CANDIDATE))
                .add(new StunAttribute.ErrorCode(438, "Stale Nonce"))
                .add(new StunAttribute.UnknownAttributes(List.of(0x7777, 0x0031)))
                .add(new StunAttribute.ChannelNumber(0x4001))
                .add(new StunAttribute.RequestedTransport(17))
                .add(new StunAttribute.Opaque(StunAttributeType.DATA, new byte[] {1, 2, 3, 4, 5}))
                .build();
        byte[] wire = m.encode(new StunProtection(StunProtection.IntegrityAlgorithm.SHA256, key, true));
        StunPacket p = StunPacket.decode(wire, 0, wire.length);
        assertEquals(m, p.message());
        assertTrue(p.isAuthentic(key));
        assertFalse(p.isAuthentic("other".getBytes()));
    }

    @Test
    void attributesAfterIntegrityAreLeftOutAndMakeTheMessageUnauthentic() throws Exception {
        byte[] key = "k".getBytes();
        byte[] signed = StunMessage.request(StunMethod.BINDING, random).encode(StunProtection.longTerm(key));
        byte[] tampered = java.util.Arrays.copyOf(signed, signed.length + 4);
        tampered[signed.length] = 0x00;
        tampered[signed.length + 1] = 0x25; // USE-CANDIDATE, smuggled in after MESSAGE-INTEGRITY
        tampered[3] = (byte) (tampered.length - 20);
        StunPacket p = StunPacket.decode(tampered, 0, tampered.length);
        assertFalse(p.message().has(StunAttributeType.USE_CANDIDATE));
        assertEquals(1, p.ignoredAfterIntegrity());
        assertTrue(p.integrityValid(key));
        assertFalse(p.isAuthentic(key));
    }

    @Test
    void unknownComprehensionRequiredAttributesAreReported() throws Exception {
        byte[] wire = StunMessage.request(StunMethod.BINDING, random)
                .add(new StunAttribute.Opaque(0x0777, new byte[3]))
                .add(new StunAttribute.Opaque(0x8777, new byte[3]))
                .encode(StunProtection.none());
        assertEquals(List.of(0x0777), StunPacket.decode(wire, 0, wire.length).message().unknownComprehensionRequired());
    }

    @Test
    void truncatedAndTrailingInputIsAParseError() {
        byte[] wire = StunMessage.request(StunMethod.BINDING, random).encode(StunProtection.fingerprintOnly());
        assertThrows(ParseException.class, () -> StunPacket.decode(wire, 0, wire.length - 4));
        assertThrows(ParseException.class, () -> StunPacket.decode(java.util.Arrays.copyOf(wire, wire.length + 4), 0, wire.length + 4));
        assertThrows(ParseException.class, () -> StunPacket.decode(wire, 0, 19));
    }

    @Test
    void messageTypeBitsInterleaveAsTheRfcDraws() {
        assertEquals(0x0001, new StunMessageType(StunMethod.BINDING, StunClass.REQUEST).toWire());
        assertEquals(0x0101, new StunMessageType(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE).toWire());
        assertEquals(0x0113, new StunMessageType(StunMethod.ALLOCATE, StunClass.ERROR_RESPONSE).toWire());
        assertEquals(0x0016, new StunMessageType(StunMethod.SEND, StunClass.INDICATION).toWire());
        for (int t = 0; t < 0x4000; t++) {
            assertEquals(t, StunMessageType.fromWire(t).toWire());
        }
    }
}
