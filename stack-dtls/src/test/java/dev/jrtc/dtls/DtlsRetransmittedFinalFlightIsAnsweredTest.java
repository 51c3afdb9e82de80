package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RFC 6347 section 4.2.4: the server sends the last flight, so when it is lost the client
 * retransmits its own final flight, and the server must answer with its last flight again, even
 * though its handshake is over and the loop, not the handshake thread, now runs BC.
 */
@Timeout(60)
class DtlsRetransmittedFinalFlightIsAnsweredTest {
    private static final int CHANGE_CIPHER_SPEC = 20;

    @Test
    void serverResendsChangeCipherSpecAndFinishedWhenTheClientRetransmits() throws Exception {
        AtomicInteger dropped = new AtomicInteger();
        // Lose the server's first ChangeCipherSpec+Finished datagram (the engine packs the two together).
        try (EnginePump pump = new EnginePump(TestCertificates.defaultClient(), TestCertificates.defaultServer(),
                (from, d) -> from.address.equals(EnginePump.SERVER_ADDRESS) && d[0] == CHANGE_CIPHER_SPEC
                        && dropped.getAndIncrement() == 0)) {
            pump.start();
            assertTrue(pump.runUntil(pump.server::connected, Duration.ofSeconds(10)));
            assertEquals(1, dropped.get());
            // The server is done; the client is not, and will retransmit its final flight.
            assertTrue(pump.client.events(DtlsEvent.Connected.class).isEmpty());

            assertTrue(pump.handshake(Duration.ofSeconds(10)), () -> "" + pump.client.events + pump.server.events);
            long ccsSent = pump.server.sent.stream().filter(d -> d[0] == CHANGE_CIPHER_SPEC).count();
            assertTrue(ccsSent >= 2, "the server should have sent its last flight again, sent " + ccsSent);
            SrtpKeysAssertions.assertSameAssociation(pump.client.only(DtlsEvent.SrtpKeysExported.class),
                    pump.server.only(DtlsEvent.SrtpKeysExported.class));
        }
    }
}
