package dev.jrtc.ice.stun;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jrtc.common.ParseException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every single-byte change to an RFC 5769 vector, at every offset and with every bit pattern, is
 * either a {@link ParseException} or a message that fails {@link StunPacket#isAuthentic}; nothing
 * else is thrown.
 */
class StunSingleByteFlipTest {
    static Stream<Arguments> vectors() {
        byte[] shortKey = StunCredentials.shortTermKey(Rfc5769Vectors.SHORT_TERM_PASSWORD);
        return Stream.of(
                Arguments.of("2.1", Rfc5769Vectors.REQUEST, shortKey),
                Arguments.of("2.2", Rfc5769Vectors.IPV4_RESPONSE, shortKey),
                Arguments.of("2.3", Rfc5769Vectors.IPV6_RESPONSE, shortKey),
                Arguments.of("2.4", Rfc5769Vectors.LONG_TERM_REQUEST, StunCredentials.longTermKey(
                        Rfc5769Vectors.LONG_TERM_USER, "example.org", Rfc5769Vectors.LONG_TERM_PASSWORD)));
    }

    @ParameterizedTest(name = "section {0}")
    @MethodSource("vectors")
    void everyFlipFailsParseOrIntegrity(String section, byte[] vector, byte[] key) {
        for (int i = 0; i < vector.length; i++) {
            for (int x = 1; x < 256; x++) {
                byte[] copy = vector.clone();
                copy[i] ^= (byte) x;
                try {
                    StunPacket p = StunPacket.decode(copy, 0, copy.length);
                    assertFalse(p.isAuthentic(key), "section " + section + ": offset " + i + " xor " + x + " still authentic");
                } catch (ParseException expected) {
                    // rejected before integrity: fine
                }
            }
        }
    }
}
