package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.bouncycastle.tls.AlertDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DtlsServerRejectsClientWithoutCertificateTest {

    @Test
    void clientThatSendsNoCertificateIsRejectedWithAReason() throws Exception {
        try (EnginePump pump = new EnginePump(TestCertificates.defaultClient(), TestCertificates.defaultServer(),
                MisbehavingPeers.CLIENT_WITHOUT_CERTIFICATE, PeerFactory.JRTC, 0.0, 0L)) {
            pump.start().runUntil(() -> pump.client.closed() && pump.server.closed(), Duration.ofSeconds(20));

            assertEquals(new DtlsFailure.NoClientCertificate(), pump.server.only(DtlsEvent.Closed.class).reason());
            assertEquals(new DtlsFailure.AlertReceived(AlertDescription.handshake_failure),
                    pump.client.only(DtlsEvent.Closed.class).reason());
            assertTrue(pump.server.events(DtlsEvent.SrtpKeysExported.class).isEmpty());
        }
    }
}
