package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.srtp.SrtpConfig;
import dev.jrtc.srtp.SrtpProfile;
import dev.jrtc.srtp.SrtpSession;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
class DtlsClientServerExportIdenticalKeysTest {

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void bothSidesExportTheSameKeysSplitForTheProfile(SrtpProfile profile) throws Exception {
        DtlsConfig clientConfig = TestCertificates.defaultClient().withSrtpProfiles(List.of(profile));
        try (EnginePump pump = new EnginePump(clientConfig, TestCertificates.defaultServer())) {
            assertTrue(pump.start().handshake(Duration.ofSeconds(20)), () -> "no handshake: " + pump.client.events + pump.server.events);

            DtlsEvent.SrtpKeysExported c = pump.client.only(DtlsEvent.SrtpKeysExported.class);
            DtlsEvent.SrtpKeysExported s = pump.server.only(DtlsEvent.SrtpKeysExported.class);
            assertEquals(profile, c.profile());
            assertEquals(profile, c.keys().profile());
            assertEquals(profile.keyingMaterialLength(), c.exportedKeyingMaterial().length);
            // Same material, same profile, and the client's local key and salt are the server's remote ones.
            SrtpKeysAssertions.assertSameAssociation(c, s);

            // RFC 5764 4.2: client key | server key | client salt | server salt; the client sends with the client half.
            byte[] m = c.exportedKeyingMaterial();
            int k = profile.masterKeyLength();
            int salt = profile.masterSaltLength();
            assertArrayEquals(Arrays.copyOfRange(m, 0, k), c.keys().localMasterKey());
            assertArrayEquals(Arrays.copyOfRange(m, k, 2 * k), c.keys().remoteMasterKey());
            assertArrayEquals(Arrays.copyOfRange(m, 2 * k, 2 * k + salt), c.keys().localMasterSalt());
            assertArrayEquals(Arrays.copyOfRange(m, 2 * k + salt, 2 * k + 2 * salt), c.keys().remoteMasterSalt());
            assertFalse(Arrays.equals(c.keys().localMasterKey(), c.keys().remoteMasterKey()), "client and server write keys are equal");
            assertFalse(Arrays.equals(c.keys().localMasterSalt(), c.keys().remoteMasterSalt()), "client and server write salts are equal");

            // The keys go straight into stack-srtp: each side unprotects what the other protected.
            SrtpSession clientSrtp = SrtpSession.create(c.keys(), SrtpConfig.DEFAULT);
            SrtpSession serverSrtp = SrtpSession.create(s.keys(), SrtpConfig.DEFAULT);
            assertRtpTravels(clientSrtp, serverSrtp, 0x1111);
            assertRtpTravels(serverSrtp, clientSrtp, 0x2222);

            assertEquals(profile, pump.client.only(DtlsEvent.Connected.class).srtpProfile());
            assertEquals(profile, pump.server.only(DtlsEvent.Connected.class).srtpProfile());
            assertEquals(DtlsState.CONNECTED, pump.client.engine.state());
            assertEquals(DtlsState.CONNECTED, pump.server.engine.state());
        }
    }

    @Test
    void serverPicksItsMostPreferredProfileAmongTheClientOffer() throws Exception {
        DtlsConfig clientConfig = TestCertificates.defaultClient().withSrtpProfiles(List.of(
                SrtpProfile.AES_CM_128_HMAC_SHA1_80, SrtpProfile.AEAD_AES_256_GCM));
        DtlsConfig serverConfig = TestCertificates.defaultServer().withSrtpProfiles(List.of(
                SrtpProfile.AEAD_AES_256_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80));
        try (EnginePump pump = new EnginePump(clientConfig, serverConfig)) {
            assertTrue(pump.start().handshake(Duration.ofSeconds(20)));
            assertEquals(SrtpProfile.AEAD_AES_256_GCM,
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

    /** One RTP packet (SSRC {@code ssrc}) protected by {@code from} comes out of {@code to} as it went in. */
    private static void assertRtpTravels(SrtpSession from, SrtpSession to, int ssrc) {
        int rtpLength = 12 + 20;
        byte[] buf = new byte[rtpLength + from.profile().rtpOverhead()];
        buf[0] = (byte) 0x80; // version 2
        buf[1] = 96; // dynamic payload type
        buf[3] = 1; // sequence number 1
        buf[8] = (byte) (ssrc >>> 24);
        buf[9] = (byte) (ssrc >>> 16);
        buf[10] = (byte) (ssrc >>> 8);
        buf[11] = (byte) ssrc;
        for (int i = 12; i < rtpLength; i++) {
            buf[i] = (byte) i;
        }
        byte[] plain = Arrays.copyOf(buf, rtpLength);
        int protectedLength = from.protectRtp(buf, 0, rtpLength);
        assertFalse(Arrays.equals(plain, Arrays.copyOf(buf, rtpLength)), "the payload was not encrypted");
        assertEquals(rtpLength, to.unprotectRtp(buf, 0, protectedLength));
        assertArrayEquals(plain, Arrays.copyOf(buf, rtpLength));
    }
}
