package dev.jrtc.interop.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.HeadlessChromium;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.interop.sctp.BrowserSuiteRun.JrtcRole;
import dev.jrtc.interop.sctp.BrowserSuiteRun.Suite;
import dev.jrtc.peerconnection.netty.KernelUdpCounters;
import dev.jrtc.sctp.SctpStats;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import dev.jrtc.interop.MeasuredAtNettysDefaultLeakDetection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;

/**
 * The throughput harness for jrtc against Chromium, with two Chromium RTCPeerConnections in the
 * same page as the reference, in the same run and alternating rounds (one reliable ordered channel,
 * 64 KiB messages, loopback). It checks every transfer's SHA-256 and prints the rates and the
 * ratios for BENCHMARKS.md; it asserts no rate, since rates depend on the machine's load.
 *
 * <p>jrtc's first rounds run while the JIT is still compiling its send and receive paths (a
 * 20 MB transfer lasts about a second), and Chromium's first round is slow too. The ratios are
 * therefore taken from the medians of the rounds after the warm-up ones, the steady state a
 * long-running service sees; the first round is printed as well, as the cold figure.
 * {@code -Djrtc.interop.sctp.throughputMB} (default 20), {@code -Djrtc.interop.sctp.rounds} (10) and
 * {@code -Djrtc.interop.sctp.warmupRounds} (2).
 * It runs at Netty's default leak detection level ({@link MeasuredAtNettysDefaultLeakDetection}).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@ExtendWith(MeasuredAtNettysDefaultLeakDetection.class)
class ChromiumDataChannelThroughputIT {
    private static final long BYTES = Long.getLong("jrtc.interop.sctp.throughputMB", 20) * 1_000_000L;
    private static final int ROUNDS = Integer.getInteger("jrtc.interop.sctp.rounds", 10);
    private static final int WARMUP_ROUNDS = Math.min(ROUNDS - 1, Integer.getInteger("jrtc.interop.sctp.warmupRounds", 2));

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
            SctpStats sctp = run.pc.engineStats().get(10, TimeUnit.SECONDS).sctp();
            long jrtcDrops = KernelUdpCounters.ownSocketDrops();
            double[] pair = new double[ROUNDS];
            double[] toJrtc = new double[ROUNDS];
            double[] fromJrtc = new double[ROUNDS];
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
                pair[round - 1] = p.path("mbitPerSecond").asDouble();
                toJrtc[round - 1] = up.path("mbitPerSecond").asDouble();
                fromJrtc[round - 1] = down.path("mbitPerSecond").asDouble();
            }
            double pairMedian = steadyMedian(pair);
            double toJrtcMedian = steadyMedian(toJrtc);
            double fromJrtcMedian = steadyMedian(fromJrtc);
            System.out.printf(Locale.ROOT, "THROUGHPUT median of rounds %d-%d of %d bytes: Chromium pair %.0f Mbit/s; "
                    + "Chromium->jrtc %.0f Mbit/s (%.2fx); jrtc->Chromium %.0f Mbit/s (%.2fx); cold first round %.2fx and %.2fx; "
                    + "all rounds: %s, %d of them at jrtc's sockets%n", WARMUP_ROUNDS + 1, ROUNDS, BYTES, pairMedian,
                    toJrtcMedian, toJrtcMedian / pairMedian, fromJrtcMedian, fromJrtcMedian / pairMedian,
                    toJrtc[0] / pair[0], fromJrtc[0] / pair[0], udp.describe(), jrtcDrops);
            System.out.println("jrtc's SCTP over all rounds: " + sctp);
        }
    }

    /** The median of the rounds after the warm-up ones. */
    private static double steadyMedian(double[] perRound) {
        double[] steady = Arrays.copyOfRange(perRound, WARMUP_ROUNDS, perRound.length);
        Arrays.sort(steady);
        int n = steady.length;
        return n % 2 == 1 ? steady[n / 2] : (steady[n / 2 - 1] + steady[n / 2]) / 2;
    }
}
