package dev.jrtc.ice.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** RFC 5769 section 2, byte for byte: decode, verify, and re-encode to the same bytes. */
class Rfc5769VectorsTest {
    private static final byte[] SHORT_KEY = StunCredentials.shortTermKey(Rfc5769Vectors.SHORT_TERM_PASSWORD);
    private static final byte[] LONG_KEY = StunCredentials.longTermKey(Rfc5769Vectors.LONG_TERM_USER, "example.org",
            Rfc5769Vectors.LONG_TERM_PASSWORD);

    @Test
    void sampleRequestDecodesAndVerifies() throws Exception {
        StunPacket p = StunPacket.decode(Rfc5769Vectors.REQUEST, 0, Rfc5769Vectors.REQUEST.length);
        StunMessage m = p.message();
        assertTrue(m.is(StunMethod.BINDING, StunClass.REQUEST));
        assertEquals("b7e7a701bc34d686fa87dfae", m.transactionId().toString());
        assertEquals("STUN test client", m.text(StunAttributeType.SOFTWARE).orElseThrow());
        assertEquals(0x6e0001ffL, m.number(StunAttributeType.PRIORITY).orElseThrow());
        assertEquals(0x932ff9b151263b36L, m.number(StunAttributeType.ICE_CONTROLLED).orElseThrow());
        assertEquals("evtj:h6vY", m.text(StunAttributeType.USERNAME).orElseThrow());
        assertTrue(p.fingerprintValid());
        assertTrue(p.isAuthentic(SHORT_KEY));
        assertFalse(p.isAuthentic(StunCredentials.shortTermKey("wrong")));
    }

    @Test
    void ipv4ResponseMapsTo192_0_2_1() throws Exception {
        StunPacket p = StunPacket.decode(Rfc5769Vectors.IPV4_RESPONSE, 0, Rfc5769Vectors.IPV4_RESPONSE.length);
        assertTrue(p.message().is(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE));
        assertEquals(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853),
                p.message().address(StunAttributeType.XOR_MAPPED_ADDRESS).orElseThrow());
        assertEquals("test vector", p.message().text(StunAttributeType.SOFTWARE).orElseThrow());
        assertTrue(p.isAuthentic(SHORT_KEY));
    }

    @Test
    void ipv6ResponseMapsTo2001_db8() throws Exception {
        StunPacket p = StunPacket.decode(Rfc5769Vectors.IPV6_RESPONSE, 0, Rfc5769Vectors.IPV6_RESPONSE.length);
        assertEquals(new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853),
                p.message().address(StunAttributeType.XOR_MAPPED_ADDRESS).orElseThrow());
        assertTrue(p.isAuthentic(SHORT_KEY));
    }

    @Test
    void longTermRequestVerifiesWithSaslPreparedPassword() throws Exception {
        StunPacket p = StunPacket.decode(Rfc5769Vectors.LONG_TERM_REQUEST, 0, Rfc5769Vectors.LONG_TERM_REQUEST.length);
        StunMessage m = p.message();
        assertEquals(Rfc5769Vectors.LONG_TERM_USER, m.text(StunAttributeType.USERNAME).orElseThrow());
        assertEquals("f//499k954d6OL34oL9FSTvy64sA", m.text(StunAttributeType.NONCE).orElseThrow());
        assertEquals("example.org", m.text(StunAttributeType.REALM).orElseThrow());
        assertFalse(p.hasFingerprint());
        assertTrue(p.isAuthentic(LONG_KEY));
        assertArrayEquals(LONG_KEY, StunCredentials.longTermKey(Rfc5769Vectors.LONG_TERM_USER, "example.org",
                Rfc5769Vectors.LONG_TERM_PASSWORD_UNPREPARED));
        assertFalse(p.isAuthentic(StunCredentials.longTermKey(Rfc5769Vectors.LONG_TERM_USER, "example.org", "thematrix")));
    }

    static Stream<Arguments> reencodable() {
        return Stream.of(
                Arguments.of("2.2", Rfc5769Vectors.IPV4_RESPONSE, StunProtection.shortTerm(SHORT_KEY)),
                Arguments.of("2.3", Rfc5769Vectors.IPV6_RESPONSE, StunProtection.shortTerm(SHORT_KEY)),
                Arguments.of("2.4", Rfc5769Vectors.LONG_TERM_REQUEST, StunProtection.longTerm(LONG_KEY)));
    }

    /**
     * Our encoder pads with zeros, so 2.4 (zero padding) re-encodes exactly. 2.2 and 2.3 pad the
     * 11-byte SOFTWARE with one 0x20 at offset 35; that byte is copied in and the message re-signed,
     * which proves the rest of the encoding (XOR address, lengths, order) is byte-exact.
     */
    @ParameterizedTest(name = "section {0}")
    @MethodSource("reencodable")
    void reencodesByteForByte(String section, byte[] vector, StunProtection protection) throws Exception {
        StunMessage m = StunPacket.decode(vector, 0, vector.length).message();
        byte[] ours = m.encode(protection);
        assertEquals(vector.length, ours.length);
        if (!section.equals("2.4")) {
            ours[35] = vector[35];
            ours = Resigner.resign(ours, SHORT_KEY);
        }
        assertArrayEquals(vector, ours);
    }

    @Test
    void sampleRequestReencodesByteForByte() throws Exception {
        StunMessage m = StunPacket.decode(Rfc5769Vectors.REQUEST, 0, Rfc5769Vectors.REQUEST.length).message();
        byte[] ours = m.encode(StunProtection.shortTerm(SHORT_KEY));
        // The RFC pads USERNAME (9 bytes) with three 0x20 bytes; put them back and re-sign.
        byte[] copy = ours.clone();
        for (int i = 73; i < 76; i++) {
            copy[i] = 0x20;
        }
        assertArrayEquals(Rfc5769Vectors.REQUEST, Resigner.resign(copy, SHORT_KEY));
        assertEquals(List.of(), m.unknownComprehensionRequired());
    }
}
