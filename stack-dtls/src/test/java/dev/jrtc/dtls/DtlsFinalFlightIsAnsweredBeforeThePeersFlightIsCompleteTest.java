package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Under heavy loss the client's retransmitted final flight rarely arrives whole. The server, whose
 * flight ended the handshake, must answer any record of it with its own last flight (RFC 6347,
 * section 4.2.4), not wait until it has reassembled the complete flight again: here only the
 * client's ChangeCipherSpec+Finished datagram ever gets through a second time, so a server that
 * waits for the whole flight never answers and the client never connects.
 */
@Timeout(60)
class DtlsFinalFlightIsAnsweredBeforeThePeersFlightIsCompleteTest {
    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int HANDSHAKE = 22;

    @Test
    void aPartialRetransmissionOfTheClientsFlightIsAnswered() throws Exception {
        AtomicInteger serverFinalFlightsDropped = new AtomicInteger();
        try (EnginePump pump = new EnginePump(TestCertificates.defaultClient(), TestCertificates.defaultServer(),
                (from, d) -> {
                    if (from.address.equals(EnginePump.SERVER_ADDRESS)) {
                        return d[0] == CHANGE_CIPHER_SPEC && serverFinalFlightsDropped.getAndIncrement() == 0;
                    }
                    // Once the server has sent its last flight, the client's handshake datagrams (all but
                    // the one with ChangeCipherSpec+Finished) are lost: no retransmission is ever whole.
                    return serverFinalFlightsDropped.get() > 0 && d[0] == HANDSHAKE;
                })) {
            pump.start();
            assertTrue(pump.runUntil(pump.server::connected, Duration.ofSeconds(10)));
            assertTrue(serverFinalFlightsDropped.get() >= 1);

            assertTrue(pump.handshake(Duration.ofSeconds(10)), () -> "" + pump.client.events + pump.server.events);
            SrtpKeysAssertions.assertSameAssociation(pump.client.only(DtlsEvent.SrtpKeysExported.class),
                    pump.server.only(DtlsEvent.SrtpKeysExported.class));
        }
    }
}
