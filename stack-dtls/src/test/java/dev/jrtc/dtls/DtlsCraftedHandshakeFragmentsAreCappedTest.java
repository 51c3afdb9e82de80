package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * BC's reassembler allocates whatever message length a fragment claims; the engine's guard must
 * stop such fragments before they reach it, cheaply, while honest overlapping fragments still work.
 */
@Timeout(60)
class DtlsCraftedHandshakeFragmentsAreCappedTest {
    private static final int CLIENT_HELLO = 1;

    @Test
    void fragmentsClaimingHugeMessagesOrTinyPiecesAreDroppedQuickly() throws Exception {
        try (EnginePump pump = new EnginePump(TestCertificates.defaultClient(), TestCertificates.defaultServer())) {
            BouncyCastleDtlsEngine server = pump.server.engine;
            server.start(EnginePump.now(), EnginePump.SERVER_ADDRESS, EnginePump.CLIENT_ADDRESS);
            byte[] junk = new byte[1000];
            int rounds = 10_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                // Claims a 16 MiB ClientHello: BC would allocate 16 MiB for it.
                byte[] huge = CraftedRecords.handshakeFragment(i, CLIENT_HELLO, 0xFF_FFFF, i % 16, 0, junk, 0, 100);
                server.handleReceive(EnginePump.now(), EnginePump.CLIENT_ADDRESS, EnginePump.SERVER_ADDRESS, huge, 0, huge.length);
                // One byte in the middle of a 16 KiB message: each such piece would split BC's gap list.
                byte[] tiny = CraftedRecords.handshakeFragment(i, CLIENT_HELLO, 16_000, 0, 2 * i % 15_000 + 1, junk, 0, 1);
                server.handleReceive(EnginePump.now(), EnginePump.CLIENT_ADDRESS, EnginePump.SERVER_ADDRESS, tiny, 0, tiny.length);
                // A fragment that runs past the end of its message.
                byte[] past = CraftedRecords.handshakeFragment(i, CLIENT_HELLO, 50, 0, 0, junk, 0, 100);
                server.handleReceive(EnginePump.now(), EnginePump.CLIENT_ADDRESS, EnginePump.SERVER_ADDRESS, past, 0, past.length);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

            DtlsStats stats = server.stats();
            assertEquals(rounds, stats.dropped(DtlsDropReason.OVERSIZED_HANDSHAKE_MESSAGE));
            assertEquals(rounds, stats.dropped(DtlsDropReason.TINY_HANDSHAKE_FRAGMENT));
            assertEquals(rounds, stats.dropped(DtlsDropReason.MALFORMED));
            assertTrue(millis < 5_000, "30,000 crafted datagrams took " + millis + " ms");
            // Nothing reached BC, so it said nothing, and it still waits for a real client.
            pump.drain(pump.server);
            assertEquals(0, pump.server.sent.size());
            assertEquals(DtlsState.HANDSHAKING, server.state());
        }
    }

    @Test
    void overlappingFragmentsOfARealClientHelloAreReassembled() throws Exception {
        // Capture a real ClientHello: the pump loses everything, so the server never sees it.
        try (EnginePump pump = new EnginePump(TestCertificates.defaultClient(), TestCertificates.defaultServer(),
                PeerFactory.JRTC, PeerFactory.JRTC, 1.0, 7L)) {
            pump.start();
            assertTrue(pump.runUntil(() -> !pump.client.sent.isEmpty(), Duration.ofSeconds(5)));
            byte[] record = pump.client.sent.get(0);
            int bodyLength = record.length - 13 - 12;
            byte[] body = java.util.Arrays.copyOfRange(record, 25, record.length);
            assertTrue(bodyLength > 150, "ClientHello body of " + bodyLength);

            // Three fragments that overlap each other and arrive out of order.
            int[][] pieces = {{80, bodyLength - 80}, {0, 100}, {40, 100}};
            long seq = 100;
            for (int[] p : pieces) {
                byte[] fragment = CraftedRecords.handshakeFragment(seq++, CLIENT_HELLO, bodyLength, 0, p[0], body, p[0], p[1]);
                pump.server.engine.handleReceive(EnginePump.now(), EnginePump.CLIENT_ADDRESS, EnginePump.SERVER_ADDRESS,
                        fragment, 0, fragment.length);
            }
            // The server reassembled the ClientHello and answered with its first flight.
            assertTrue(pump.runUntil(() -> !pump.server.sent.isEmpty(), Duration.ofSeconds(5)),
                    "server did not answer: " + pump.server.engine.stats());
            assertEquals(2, pump.server.sent.get(0)[13], "expected a ServerHello");
        }
    }
}
