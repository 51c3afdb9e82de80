package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
class DtlsClientServerExportIdenticalKeysTest {

    @ParameterizedTest
    @EnumSource(SrtpProtectionProfile.class)
    void bothSidesExportTheSameKeysSplitForTheProfile(SrtpProtectionProfile profile) throws Exception {
        DtlsConfig clientConfig = TestCertificates.defaultClient().withSrtpProfiles(List.of(profile));
        try (EnginePump pump = new EnginePump(clientConfig, TestCertificates.defaultServer())) {
            assertTrue(pump.start().handshake(Duration.ofSeconds(20)), () -> "no handshake: " + pump.client.events + pump.server.events);

            SrtpKeyingMaterial c = pump.client.only(DtlsEvent.SrtpKeys.class).keyingMaterial();
            SrtpKeyingMaterial s = pump.server.only(DtlsEvent.SrtpKeys.class).keyingMaterial();
            assertEquals(profile, c.profile());
            assertEquals(c, s, "both ends must derive the same material");
            assertEquals(profile.keyingMaterialLength(), c.material().length);

            // RFC 5764 4.2: client key | server key | client salt | server salt.
            byte[] m = c.material();
            int k = profile.keyLength();
            int salt = profile.saltLength();
            assertArrayEquals(java.util.Arrays.copyOfRange(m, 0, k), c.clientWriteKey().key());
            assertArrayEquals(java.util.Arrays.copyOfRange(m, k, 2 * k), c.serverWriteKey().key());
            assertArrayEquals(java.util.Arrays.copyOfRange(m, 2 * k, 2 * k + salt), c.clientWriteKey().salt());
            assertArrayEquals(java.util.Arrays.copyOfRange(m, 2 * k + salt, 2 * k + 2 * salt), c.serverWriteKey().salt());
            // What the client sends with is what the server receives with.
            assertEquals(c.localWriteKey(DtlsRole.CLIENT), s.remoteWriteKey(DtlsRole.SERVER));
            assertEquals(c.remoteWriteKey(DtlsRole.CLIENT), s.localWriteKey(DtlsRole.SERVER));
            assertNotEquals(c.clientWriteKey(), c.serverWriteKey());

            assertEquals(profile, pump.client.only(DtlsEvent.Connected.class).srtpProfile());
            assertEquals(DtlsState.CONNECTED, pump.client.engine.state());
            assertEquals(DtlsState.CONNECTED, pump.server.engine.state());
        }
    }

    @Test
    void serverPicksItsMostPreferredProfileAmongTheClientOffer() throws Exception {
        DtlsConfig clientConfig = TestCertificates.defaultClient().withSrtpProfiles(List.of(
                SrtpProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80, SrtpProtectionProfile.SRTP_AEAD_AES_256_GCM));
        DtlsConfig serverConfig = TestCertificates.defaultServer().withSrtpProfiles(List.of(
                SrtpProtectionProfile.SRTP_AEAD_AES_256_GCM, SrtpProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80));
        try (EnginePump pump = new EnginePump(clientConfig, serverConfig)) {
            assertTrue(pump.start().handshake(Duration.ofSeconds(20)));
            assertEquals(SrtpProtectionProfile.SRTP_AEAD_AES_256_GCM,
                    pump.server.only(DtlsEvent.Connected.class).srtpProfile());
        }
    }

    @ParameterizedTest
    @EnumSource(value = DtlsCipherSuite.class, names = "TLS_ECDHE_ECDSA_.*", mode = EnumSource.Mode.MATCH_ANY)
    void eachEcdsaSuiteTheClientAsksForIsNegotiated(DtlsCipherSuite suite) throws Exception {
        DtlsConfig clientConfig = TestCertificates.defaultClient().withCipherSuites(List.of(suite));
        try (EnginePump pump = new EnginePump(clientConfig, TestCertificates.defaultServer())) {
            assertTrue(pump.start().handshake(Duration.ofSeconds(20)), () -> "" + pump.client.events + pump.server.events);
            assertEquals(suite, pump.client.only(DtlsEvent.Connected.class).cipherSuite());
            assertEquals(suite, pump.server.only(DtlsEvent.Connected.class).cipherSuite());
        }
    }

    @Test
    void defaultSuiteIsEcdheEcdsaAes128Gcm() throws Exception {
        try (EnginePump pump = new EnginePump(TestCertificates.defaultClient(), TestCertificates.defaultServer())) {
            assertTrue(pump.start().handshake(Duration.ofSeconds(20)));
            assertEquals(DtlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                    pump.server.only(DtlsEvent.Connected.class).cipherSuite());
            // Each side saw the other's certificate, verified against the signalled fingerprint.
            assertArrayEquals(TestCertificates.SERVER_EC.der(), pump.client.only(DtlsEvent.PeerCertificate.class).chain().get(0));
            assertArrayEquals(TestCertificates.CLIENT_EC.der(), pump.server.only(DtlsEvent.PeerCertificate.class).chain().get(0));
        }
    }

    @Test
    void rsaServerCertificateWorksWithEcdheRsa() throws Exception {
        DtlsCertificate rsa = TestCertificates.serverRsa();
        try (EnginePump pump = new EnginePump(TestCertificates.client(TestCertificates.CLIENT_EC, rsa),
                TestCertificates.server(rsa, TestCertificates.CLIENT_EC))) {
            assertTrue(pump.start().handshake(Duration.ofSeconds(20)), () -> "" + pump.client.events + pump.server.events);
            assertEquals(DtlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                    pump.client.only(DtlsEvent.Connected.class).cipherSuite());
        }
    }
}
