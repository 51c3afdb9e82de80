package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DtlsApplicationDataAndCloseNotifyTest {

    @Test
    void applicationDataFlowsBothWaysAfterTheHandshake() throws Exception {
        try (EnginePump pump = new EnginePump(TestCertificates.defaultClient(), TestCertificates.defaultServer())) {
            byte[] early = "too early".getBytes(StandardCharsets.UTF_8);
            assertFalse(pump.client.engine.sendApplicationData(EnginePump.now(), early, 0, early.length));
            assertTrue(pump.start().handshake(Duration.ofSeconds(20)));

            byte[] ping = "sctp INIT".getBytes(StandardCharsets.UTF_8);
            assertTrue(pump.client.engine.sendApplicationData(EnginePump.now(), ping, 0, ping.length));
            byte[] big = new byte[pump.server.engine.maxApplicationDataLength()];
            big[big.length - 1] = 7;
            assertTrue(pump.server.engine.sendApplicationData(EnginePump.now(), big, 0, big.length));
            assertTrue(pump.runUntil(() -> !pump.server.events(DtlsEvent.ApplicationData.class).isEmpty()
                    && !pump.client.events(DtlsEvent.ApplicationData.class).isEmpty(), Duration.ofSeconds(5)));

            assertArrayEquals(ping, pump.server.only(DtlsEvent.ApplicationData.class).data());
            assertArrayEquals(big, pump.client.only(DtlsEvent.ApplicationData.class).data());
            // Every datagram fits the 1200-byte MTU.
            pump.server.sent.forEach(d -> assertTrue(d.length <= DtlsConfig.DEFAULT_MTU, "datagram of " + d.length));
            pump.client.sent.forEach(d -> assertTrue(d.length <= DtlsConfig.DEFAULT_MTU, "datagram of " + d.length));
            assertThrows(IllegalArgumentException.class,
                    () -> pump.server.engine.sendApplicationData(EnginePump.now(), new byte[big.length + 1], 0, big.length + 1));
        }
    }

    @Test
    void closeNotifyEndsBothSidesWithTheRightReason() throws Exception {
        try (EnginePump pump = new EnginePump(TestCertificates.defaultClient(), TestCertificates.defaultServer())) {
            assertTrue(pump.start().handshake(Duration.ofSeconds(20)));
            pump.client.engine.close(EnginePump.now());
            assertTrue(pump.runUntil(() -> pump.client.closed() && pump.server.closed(), Duration.ofSeconds(5)));

            assertEquals(new DtlsCloseReason.LocalClose(), pump.client.only(DtlsEvent.Closed.class).reason());
            assertEquals(new DtlsCloseReason.PeerClosed(), pump.server.only(DtlsEvent.Closed.class).reason());
            byte[] late = {1};
            assertFalse(pump.server.engine.sendApplicationData(EnginePump.now(), late, 0, 1));
        }
    }
}
