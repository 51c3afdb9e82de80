package dev.jrtc.interop.pc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.HeadlessChromium;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.interop.MeasuredAtNettysDefaultLeakDetection;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A measurement, not a pass/fail goal: offer-to-connected time of jrtc offering to Chromium,
 * against Chromium offering to Chromium in the same run as the reference ({@code setup-time.html}).
 * Both offer one sendonly video section with max-bundle and no trickle, on loopback in the private
 * namespace; the time runs from the offerer's {@code createOffer()} to the offerer's connection
 * state {@code connected} (ICE and DTLS done). jrtc's runs include the HTTP polling that carries
 * the descriptions. {@code -Djrtc.interop.setupRuns=N} runs of each (default 20) after
 * {@code -Djrtc.interop.setupWarmup=N} unrecorded jrtc runs (default 3); the medians are printed and
 * written to {@code target/setup-time.txt} for BENCHMARKS.md.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@ExtendWith(MeasuredAtNettysDefaultLeakDetection.class)
class SetupTimeJrtcVsChromiumIT {
    private static final int RUNS = Integer.getInteger("jrtc.interop.setupRuns", 20);
    private static final int WARMUP = Integer.getInteger("jrtc.interop.setupWarmup", 3);
    private static final Duration MESSAGE = Duration.ofSeconds(30);

    @Test
    void measuresJrtcToChromiumAgainstChromiumToChromium() throws Exception {
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(server.pageUri("setup-time.html", "runs=" + RUNS),
                        HeadlessChromium.Media.FAKE_DEVICES)) {
            Supplier<String> log = chromium::logTail;
            JsonNode reference = PageMessages.expect(server, "chromium-to-chromium", MESSAGE, "chromium", log);
            double[] chromiumMs = new double[reference.path("ms").size()];
            for (int i = 0; i < chromiumMs.length; i++) {
                chromiumMs[i] = reference.path("ms").get(i).asDouble();
            }
            assertEquals(RUNS, chromiumMs.length, "Chromium runs: " + reference);

            List<Double> jrtcMs = new ArrayList<>();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                double ms = jrtcOffersOnce(server, log);
                if (i >= WARMUP) {
                    jrtcMs.add(ms);
                }
            }
            server.send(Map.of("type", "end"));

            double[] jrtc = jrtcMs.stream().mapToDouble(Double::doubleValue).toArray();
            String summary = String.format(Locale.ROOT,
                    "offer -> connected over %d runs: jrtc -> Chromium median %.1f ms (min %.1f, max %.1f); "
                            + "Chromium -> Chromium median %.1f ms (min %.1f, max %.1f)%n  jrtc ms: %s%n  Chromium ms: %s%n",
                    RUNS, median(jrtc), min(jrtc), max(jrtc), median(chromiumMs), min(chromiumMs), max(chromiumMs),
                    Arrays.toString(round(jrtc)), Arrays.toString(round(chromiumMs)));
            System.out.print(summary);
            Files.writeString(Path.of("target", "setup-time.txt"), summary);
        }
    }

    /** One jrtc offer to the page; milliseconds from createOffer() to jrtc's connected. */
    private static double jrtcOffersOnce(LocalTestServer server, Supplier<String> log) throws Exception {
        try (JrtcPeer jrtc = new JrtcPeer(RTCConfiguration.loopback())) {
            jrtc.addVideoSender();
            String offer = jrtc.offer();
            server.send(Map.of("type", "offer", "sdp", offer));
            jrtc.acceptAnswer(PageMessages.expect(server, "answer", MESSAGE, "chromium", log).path("sdp").asText());
            jrtc.awaitConnected(MESSAGE, log);
            PageMessages.expect(server, "connected", MESSAGE, "chromium", log);
            jrtc.assertConnectedSecurelyWithNothingDropped();
            server.send(Map.of("type", "close"));
            return jrtc.nanosToConnected() / 1e6;
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(x -> Math.round(x * 10) / 10.0).toArray();
    }
}
