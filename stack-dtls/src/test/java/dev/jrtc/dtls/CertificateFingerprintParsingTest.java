package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CertificateFingerprintParsingTest {
    // SHA-1("abc") and SHA-256("abc") from FIPS 180-2.
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    @Test
    void knownDigestsFormatAsUppercaseColonHex() {
        assertEquals("sha-1 A9:99:3E:36:47:06:81:6A:BA:3E:25:71:78:50:C2:6C:9C:D0:D8:9D",
                CertificateFingerprint.of(FingerprintAlgorithm.SHA_1, ABC).toSdpValue());
        assertEquals("sha-256 BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD",
                CertificateFingerprint.of(FingerprintAlgorithm.SHA_256, ABC).toSdpValue());
    }

    @Test
    void parsesEveryHashNameCaseInsensitivelyAndRoundTrips() throws ParseException {
        for (FingerprintAlgorithm a : FingerprintAlgorithm.values()) {
            CertificateFingerprint f = CertificateFingerprint.of(a, ABC);
            CertificateFingerprint lower = CertificateFingerprint.parse(f.toSdpValue().toLowerCase(java.util.Locale.ROOT));
            assertEquals(f, lower);
            assertTrue(lower.matches(ABC));
            assertFalse(lower.matches("abd".getBytes(StandardCharsets.US_ASCII)));
        }
    }

    @Test
    void rejectsMalformedValues() {
        assertThrows(ParseException.class, () -> CertificateFingerprint.parse("md5 AB:CD"));
        assertThrows(ParseException.class, () -> CertificateFingerprint.parse("sha-256 AB:CD"));
        assertThrows(ParseException.class, () -> CertificateFingerprint.parse("sha-256"));
        assertThrows(ParseException.class, () -> CertificateFingerprint.parse("sha-1 ZZ:99:3E:36:47:06:81:6A:BA:3E:25:71:78:50:C2:6C:9C:D0:D8:9D"));
        assertThrows(ParseException.class, () -> CertificateFingerprint.parse("sha-1 A99:3E:36:47:06:81:6A:BA:3E:25:71:78:50:C2:6C:9C:D0:D8:9D"));
    }
}
