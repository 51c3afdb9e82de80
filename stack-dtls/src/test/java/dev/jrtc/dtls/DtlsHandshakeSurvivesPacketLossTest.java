package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A seeded lossy pump between two engines; BC's real timers retransmit, with backoff. */
@Timeout(45)
class DtlsHandshakeSurvivesPacketLossTest {

    @ParameterizedTest(name = "{0} loss, seed {1}")
    @CsvSource({"0.10, 1", "0.10, 2", "0.20, 3", "0.20, 4", "0.50, 5", "0.50, 6"})
    void handshakeCompletesWithin30Seconds(double loss, long seed) throws Exception {
        try (EnginePump pump = new EnginePump(TestCertificates.defaultClient(), TestCertificates.defaultServer(),
                PeerFactory.JRTC, PeerFactory.JRTC, loss, seed)) {
            long t0 = System.nanoTime();
            boolean done = pump.start().handshake(Duration.ofSeconds(30));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            System.out.printf("DTLS handshake at %.0f%% loss (seed %d): %s in %d ms, datagrams sent %d + %d%n",
                    loss * 100, seed, done ? "connected" : "FAILED", millis, pump.client.sent.size(), pump.server.sent.size());

            assertTrue(done, () -> "no handshake within 30 s at " + loss + " loss: " + pump.client.events + pump.server.events);
            SrtpKeysAssertions.assertSameAssociation(pump.client.only(DtlsEvent.SrtpKeysExported.class),
                    pump.server.only(DtlsEvent.SrtpKeysExported.class));
        }
    }
}
