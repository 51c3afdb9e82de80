package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Firefox (NSS) offers DTLS 1.3 and 1.2. BC 1.84 has no DTLS 1.3, so the offer is hand-made in
 * the ClientHello's supported_versions; our server must answer with DTLS 1.2 and complete.
 */
@Timeout(60)
class DtlsClientHelloOfferingDtls13FallsBackTo12Test {

    @Test
    void serverNegotiatesDtls12WithAClientThatAlsoOffers13() throws Exception {
        try (EnginePump pump = new EnginePump(TestCertificates.defaultClient(), TestCertificates.defaultServer(),
                MisbehavingPeers.CLIENT_OFFERING_DTLS13, PeerFactory.JRTC, 0.0, 0L)) {
            assertTrue(pump.start().handshake(Duration.ofSeconds(20)), () -> "" + pump.client.events + pump.server.events);

            byte[] clientHello = pump.client.sent.get(0);
            assertTrue(containsSupportedVersionsWith13(clientHello), "the ClientHello did not offer DTLS 1.3");

            // ServerHello: record header (13) + handshake header (12), then server_version.
            byte[] serverHello = pump.server.sent.get(0);
            assertEquals(2, serverHello[13], "first server message is not a ServerHello");
            assertEquals(0xFEFD, ((serverHello[25] & 0xFF) << 8) | (serverHello[26] & 0xFF), "server did not pick DTLS 1.2");

            SrtpKeysAssertions.assertSameAssociation(pump.client.only(DtlsEvent.SrtpKeysExported.class),
                    pump.server.only(DtlsEvent.SrtpKeysExported.class));
        }
    }

    /** Looks for extension 43 (supported_versions) listing 0xFEFC. */
    private static boolean containsSupportedVersionsWith13(byte[] d) {
        for (int i = 0; i + 6 < d.length; i++) {
            if (d[i] == 0 && d[i + 1] == 43 && d[i + 4] * 1 >= 4) {
                int listLength = d[i + 4] & 0xFF;
                for (int j = i + 5; j + 1 < i + 5 + listLength && j + 1 < d.length; j += 2) {
                    if ((d[j] & 0xFF) == 0xFE && (d[j + 1] & 0xFF) == 0xFC) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
