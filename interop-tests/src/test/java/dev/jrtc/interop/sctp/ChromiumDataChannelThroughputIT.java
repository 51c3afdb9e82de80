package dev.jrtc.interop.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.HeadlessChromium;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.interop.sctp.BrowserSuiteRun.JrtcRole;
import dev.jrtc.interop.sctp.BrowserSuiteRun.Suite;
import dev.jrtc.peerconnection.netty.KernelUdpCounters;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The throughput harness for jrtc against Chromium, with two Chromium RTCPeerConnections in the
 * same page as the reference, in the same run and alternating rounds (one reliable ordered channel,
 * 64 KiB messages, loopback). It checks every transfer's SHA-256 and prints the rates and the
 * ratios for BENCHMARKS.md; it asserts no rate, since rates depend on the machine's load.
 * {@code -Djrtc.interop.sctp.throughputMB} (default 20) and {@code -Djrtc.interop.sctp.rounds} (2).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ChromiumDataChannelThroughputIT {
    private static final long BYTES = Long.getLong("jrtc.interop.sctp.throughputMB", 20) * 1_000_000L;
    private static final int ROUNDS = Integer.getInteger("jrtc.interop.sctp.rounds", 2);

    @Test
    void jrtcAndAChromiumPairMoveTheSameBytesInTheSameRun() throws Exception {
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(
                        server.pageUri("sctp-throughput.html", "bytes=" + BYTES + "&rounds=" + ROUNDS),
                        HeadlessChromium.Media.FAKE_DEVICES);
                BrowserSuiteRun run = BrowserSuiteRun.connect(server, JrtcRole.ANSWERER, Suite.ECHO, "chromium",
                        chromium::logTail)) {
            KernelUdpCounters udpBefore = KernelUdpCounters.read();
            run.awaitDone();
            KernelUdpCounters udp = KernelUdpCounters.read().minus(udpBefore);
            long jrtcDrops = KernelUdpCounters.ownSocketDrops();
            double pair = 0;
            double toJrtc = 0;
            double fromJrtc = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                JsonNode p = run.result("chromium-pair#" + round);
                JsonNode up = run.result("chromium-to-jrtc#" + round);
                JsonNode down = run.result("jrtc-to-chromium#" + round);
                assertEquals(BYTES, p.path("bytes").asLong(), p.toString());
                for (JsonNode t : new JsonNode[] {up, down}) {
                    assertTrue(t.path("match").asBoolean(), "SHA-256 differs: " + t);
                    assertEquals(BYTES, t.path("bytes").asLong(), t.toString());
                }
                System.out.printf(Locale.ROOT, "round %d: Chromium pair %d Mbit/s, Chromium->jrtc %d, jrtc->Chromium %d%n",
                        round, p.path("mbitPerSecond").asInt(), up.path("mbitPerSecond").asInt(),
                        down.path("mbitPerSecond").asInt());
                pair = Math.max(pair, p.path("mbitPerSecond").asDouble());
                toJrtc = Math.max(toJrtc, up.path("mbitPerSecond").asDouble());
                fromJrtc = Math.max(fromJrtc, down.path("mbitPerSecond").asDouble());
            }
            System.out.printf(Locale.ROOT, "THROUGHPUT best of %d rounds of %d bytes: Chromium pair %.0f Mbit/s; "
                    + "Chromium->jrtc %.0f Mbit/s (%.2fx); jrtc->Chromium %.0f Mbit/s (%.2fx); all rounds: %s, %d of them "
                    + "at jrtc's sockets%n", ROUNDS, BYTES, pair, toJrtc, toJrtc / pair, fromJrtc, fromJrtc / pair,
                    udp.describe(), jrtcDrops);
        }
    }
}
