package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DtlsHandshakeTimeoutAndRetransmitTimerTest {

    @Test
    void unansweredClientRetransmitsFrom150msBacksOffToOneSecondThenTimesOut() throws Exception {
        DtlsConfig clientConfig = TestCertificates.defaultClient()
                .withTimers(Duration.ofMillis(150), Duration.ofMillis(4_000));
        // Loss rate 1: the server never hears anything.
        try (EnginePump pump = new EnginePump(clientConfig, TestCertificates.defaultServer(), PeerFactory.JRTC,
                PeerFactory.JRTC, 1.0, 1L)) {
            long started = EnginePump.now();
            pump.start();
            assertTrue(pump.runUntil(pump.client::closed, Duration.ofSeconds(10)), "no timeout reported");
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(EnginePump.now() - started);

            assertEquals(new DtlsFailure.HandshakeTimeout(Duration.ofMillis(4_000)),
                    pump.client.only(DtlsEvent.Closed.class).reason());
            assertTrue(elapsedMillis >= 3_900 && elapsedMillis < 7_000, "timed out after " + elapsedMillis + " ms");

            List<Long> gaps = new ArrayList<>();
            List<Long> at = List.copyOf(pump.client.sentAtNanos);
            for (int i = 1; i < at.size(); i++) {
                gaps.add(TimeUnit.NANOSECONDS.toMillis(at.get(i) - at.get(i - 1)));
            }
            // BC's timer (150, 300, 600 ms ... 60 s) plus the transport's faster repeat (capped at 1 s):
            // the first retransmission after ~150 ms, then backing off, never more than ~1 s apart.
            assertTrue(at.size() >= 6 && at.size() <= 20, "ClientHellos sent: " + at.size() + " gaps " + gaps);
            assertTrue(gaps.get(0) >= 100 && gaps.get(0) <= 450, "first retransmission after " + gaps);
            assertTrue(gaps.stream().anyMatch(g -> g >= 250), "no backoff: " + gaps);
            assertTrue(gaps.stream().allMatch(g -> g <= 1_500), "a gap above the 1 s cap: " + gaps);
        }
    }

    @Test
    void handshakeDeadlineIsReportedToTheLoopAndEndsTheHandshakeThread() throws Exception {
        DtlsConfig serverConfig = TestCertificates.defaultServer().withTimers(Duration.ofMillis(150), Duration.ofSeconds(5));
        try (EnginePump pump = new EnginePump(TestCertificates.defaultClient(), serverConfig)) {
            long start = 1_000_000_000L;
            pump.server.engine.start(start, EnginePump.SERVER_ADDRESS, EnginePump.CLIENT_ADDRESS);
            assertEquals(new Deadline(start + Duration.ofSeconds(5).toNanos()), pump.server.engine.poll());

            // The loop's (virtual) clock passes the deadline long before BC's wall clock does.
            pump.server.engine.handleTimeout(start + Duration.ofSeconds(4).toNanos());
            assertEquals(DtlsState.HANDSHAKING, pump.server.engine.state());
            pump.server.engine.handleTimeout(start + Duration.ofSeconds(5).toNanos());
            assertEquals(DtlsState.CLOSED, pump.server.engine.state());
            assertEquals(new DtlsEvent.Closed(new DtlsFailure.HandshakeTimeout(Duration.ofSeconds(5))),
                    pump.server.engine.poll());
            assertEquals(Deadline.NEVER, pump.server.engine.poll());
        }
        // EnginePump.close() asserts that the handshake thread ended promptly.
    }
}
