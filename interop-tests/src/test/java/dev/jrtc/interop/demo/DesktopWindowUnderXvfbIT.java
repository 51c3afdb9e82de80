package dev.jrtc.interop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jrtc.interop.Aiortc;
import dev.jrtc.interop.PeerProcess;
import dev.jrtc.interop.PrivateNetworkNamespace;
import dev.jrtc.interop.pc.PageMessages;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --window} under Xvfb: the demo runs as its own JVM on a virtual display, aiortc publishes
 * a moving picture over WHIP, and a screenshot of the display (ffmpeg's x11grab) shows the decoded
 * video in the window: not a uniform picture.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DesktopWindowUnderXvfbIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MESSAGE = Duration.ofSeconds(60);
    private static final String DISPLAY = ":" + (90 + (int) (ProcessHandle.current().pid() % 9));

    @Test
    void theWindowShowsTheDecodedVideo() throws Exception {
        PrivateNetworkNamespace.assertInside();
        Path xvfb = Path.of("/usr/bin/Xvfb");
        if (!Files.isExecutable(xvfb)) {
            fail("Xvfb not found: apt-get install xvfb");
        }
        int port = DevTools.freePort();
        String base = "http://127.0.0.1:" + port;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (PeerProcess display = PeerProcess.start("xvfb", List.of(xvfb.toString(), DISPLAY, "-screen", "0",
                        "800x600x24", "-nolisten", "tcp"));
                PeerProcess demo = PeerProcess.start("demo-window", List.of("/usr/bin/env", "DISPLAY=" + DISPLAY,
                        java.toString(), "-cp", System.getProperty("java.class.path"), "dev.jrtc.demo.DemoReceiver",
                        "--window", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                        "--ice-address", "127.0.0.1"));
                Aiortc aiortc = Aiortc.run("aiortc_whip_client.py")) {
            awaitUp(base, demo);
            aiortc.send(Map.of("type", "publish", "endpoint", base + "/whip", "codec", "VP8",
                    "width", 640, "height", 480));
            JsonNode created = PageMessages.expect(aiortc, "created", MESSAGE, "aiortc", aiortc::logTail);
            assertEquals(201, created.path("status").asInt(), created + "\n--- demo:\n" + demo.logTail());
            awaitDecoded(base, 30, demo);
            Thread.sleep(500); // the window repaints every 50 ms

            Path shot = Path.of(System.getProperty("user.dir"), "target", "demo-screenshots", "demo-window.png");
            Files.createDirectories(shot.getParent());
            Files.deleteIfExists(shot);
            try (PeerProcess grab = PeerProcess.start("x11grab", List.of("ffmpeg", "-hide_banner", "-loglevel",
                    "error", "-y", "-f", "x11grab", "-video_size", "800x600", "-i", DISPLAY, "-frames:v", "1",
                    shot.toString()))) {
                long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!(Files.exists(shot) && Files.size(shot) > 0) && System.nanoTime() < end) {
                    Thread.sleep(100);
                }
                Thread.sleep(500); // ffmpeg finishes writing the one frame
                assertTrue(Files.exists(shot), "no screenshot: " + grab.logTail());
            }
            BufferedImage screen = ImageIO.read(shot.toFile());
            int window = RunningDemo.distinctColours(screen, 0, 0, 640, 480);
            System.out.println("window screenshot " + shot + ": " + window + " colours");
            assertTrue(window > 20, "the window shows a uniform picture (" + window + " colours); see " + shot
                    + "\n--- demo:\n" + demo.logTail());
        }
    }

    private static void awaitUp(String base, PeerProcess demo) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(200);
            }
        }
        fail("the demo did not start:\n" + demo.logTail());
    }

    private static void awaitDecoded(String base, int frames, PeerProcess demo) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + MESSAGE.toNanos();
        String last = null;
        while (System.nanoTime() < end) {
            last = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode s : JSON.readTree(last)) {
                if (s.path("video").path("framesDecoded").asLong() >= frames) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        fail("fewer than " + frames + " frames decoded: " + last + "\n--- demo:\n" + demo.logTail());
    }
}
