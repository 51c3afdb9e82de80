package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DtlsCertificateGenerationTest {
    private static final Pattern UPPER_COLON_HEX = Pattern.compile("([0-9A-F]{2}:){31}[0-9A-F]{2}");

    @Test
    void ecdsaCertificateIsP256WithBrowserLikeValidityFromTheInjectedClock() throws Exception {
        long now = TestCertificates.NOW_EPOCH_MILLIS;
        DtlsCertificate c = DtlsCertificate.generate(DtlsKeyType.ECDSA_P256, TestCertificates.RANDOM, now);

        assertEquals(now - Duration.ofDays(1).toMillis(), c.x509().getNotBefore().getTime(), 1000);
        assertEquals(now + Duration.ofDays(30).toMillis(), c.x509().getNotAfter().getTime(), 1000);
        ECPublicKey key = (ECPublicKey) c.x509().getPublicKey();
        assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
        assertEquals("SHA256withECDSA", c.x509().getSigAlgName());
        c.x509().verify(key); // self-signed
        assertTrue(c.x509().getSerialNumber().signum() > 0);
    }

    @Test
    void rsaOptionGives2048BitKeys() {
        RSAPublicKey key = (RSAPublicKey) TestCertificates.serverRsa().x509().getPublicKey();
        assertEquals(2048, key.getModulus().bitLength());
    }

    @Test
    void fingerprintIsUppercaseColonHexOfTheDer() throws Exception {
        DtlsCertificate c = TestCertificates.CLIENT_EC;
        CertificateFingerprint f = c.fingerprint();
        assertTrue(UPPER_COLON_HEX.matcher(f.hex()).matches(), f.hex());
        assertEquals("sha-256 " + f.hex(), f.toSdpValue());
        byte[] expected = java.security.MessageDigest.getInstance("SHA-256").digest(c.der());
        assertEquals(java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(expected), f.hex());
    }

    @Test
    void oneCertificateServesManyConnections() throws Exception {
        for (int i = 0; i < 2; i++) {
            try (EnginePump pump = new EnginePump(TestCertificates.defaultClient(), TestCertificates.defaultServer())) {
                assertTrue(pump.start().handshake(Duration.ofSeconds(20)));
            }
        }
    }
}
