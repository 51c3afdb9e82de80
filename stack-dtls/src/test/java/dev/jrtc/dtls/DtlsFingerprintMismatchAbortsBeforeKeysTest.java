package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.bouncycastle.tls.AlertDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DtlsFingerprintMismatchAbortsBeforeKeysTest {

    @Test
    void clientRejectsServerWhoseCertificateIsNotTheSignalledOne() throws Exception {
        // The client expects STRANGER's fingerprint, but the server presents SERVER_EC.
        DtlsConfig clientConfig = TestCertificates.client(TestCertificates.CLIENT_EC, TestCertificates.STRANGER_EC);
        try (EnginePump pump = new EnginePump(clientConfig, TestCertificates.defaultServer())) {
            pump.start().runUntil(() -> pump.client.closed() && pump.server.closed(), Duration.ofSeconds(20));

            DtlsFailure.FingerprintMismatch mismatch = assertInstanceOf(DtlsFailure.FingerprintMismatch.class,
                    pump.client.only(DtlsEvent.Closed.class).reason());
            assertEquals(TestCertificates.SERVER_EC.fingerprint(), mismatch.actual());
            assertEquals(TestCertificates.STRANGER_EC.fingerprint(), mismatch.expected().get(0));
            // The server learns why: the client aborted with bad_certificate.
            assertEquals(new DtlsFailure.AlertReceived(AlertDescription.bad_certificate),
                    pump.server.only(DtlsEvent.Closed.class).reason());
            assertNoKeysAnywhere(pump);
        }
    }

    @Test
    void serverRejectsClientWhoseCertificateIsNotTheSignalledOne() throws Exception {
        DtlsConfig serverConfig = TestCertificates.server(TestCertificates.SERVER_EC, TestCertificates.STRANGER_EC);
        try (EnginePump pump = new EnginePump(TestCertificates.defaultClient(), serverConfig)) {
            pump.start().runUntil(() -> pump.client.closed() && pump.server.closed(), Duration.ofSeconds(20));

            DtlsFailure.FingerprintMismatch mismatch = assertInstanceOf(DtlsFailure.FingerprintMismatch.class,
                    pump.server.only(DtlsEvent.Closed.class).reason());
            assertEquals(TestCertificates.CLIENT_EC.fingerprint(), mismatch.actual());
            assertEquals(new DtlsFailure.AlertReceived(AlertDescription.bad_certificate),
                    pump.client.only(DtlsEvent.Closed.class).reason());
            assertNoKeysAnywhere(pump);
        }
    }

    @Test
    void anyOfSeveralSignalledFingerprintsIsAccepted() throws Exception {
        DtlsConfig clientConfig = new DtlsConfig(DtlsRole.CLIENT, TestCertificates.CLIENT_EC,
                java.util.List.of(TestCertificates.STRANGER_EC.fingerprint(),
                        TestCertificates.SERVER_EC.fingerprint(FingerprintAlgorithm.SHA_512)),
                DtlsConfig.DEFAULT_SRTP_PROFILES, DtlsConfig.DEFAULT_CIPHER_SUITES, DtlsConfig.DEFAULT_MTU,
                DtlsConfig.DEFAULT_INITIAL_RETRANSMIT, DtlsConfig.DEFAULT_HANDSHAKE_TIMEOUT,
                DtlsConfig.DEFAULT_INBOUND_QUEUE_CAPACITY, DtlsConfig.DEFAULT_MAX_HANDSHAKE_MESSAGE_LENGTH);
        try (EnginePump pump = new EnginePump(clientConfig, TestCertificates.defaultServer())) {
            assertTrue(pump.start().handshake(Duration.ofSeconds(20)));
            assertEquals(FingerprintAlgorithm.SHA_512,
                    pump.client.only(DtlsEvent.PeerCertificate.class).matched().algorithm());
        }
    }

    private static void assertNoKeysAnywhere(EnginePump pump) {
        assertTrue(pump.client.events(DtlsEvent.SrtpKeysExported.class).isEmpty(), "client exported keys: " + pump.client.events);
        assertTrue(pump.server.events(DtlsEvent.SrtpKeysExported.class).isEmpty(), "server exported keys: " + pump.server.events);
        assertFalse(pump.client.connected() || pump.server.connected());
        assertEquals(DtlsState.CLOSED, pump.client.engine.state());
        assertEquals(DtlsState.CLOSED, pump.server.engine.state());
    }
}
