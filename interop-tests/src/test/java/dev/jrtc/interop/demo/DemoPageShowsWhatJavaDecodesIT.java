package dev.jrtc.interop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.HeadlessChromium;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The newcomer's path: headless Chromium opens the demo page itself, which sends the fake camera
 * (640x480) to the Java side over the page's WebSocket signalling with trickle ICE, as VP8 and
 * then as H.264. The test reads /api/sessions and snapshot.jpg (at least 100 frames decoded at
 * 640x480, a JPEG of that size that is not uniform), checks the data-channel chat echo, and takes a
 * screenshot of the page to see the server-side frames in it. The VP8 screenshot is the README's
 * ({@code docs/demo-page.png}).
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class DemoPageShowsWhatJavaDecodesIT {
    private static final int MIN_DECODED = Integer.getInteger("jrtc.demo.minFrames", 100);
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @ParameterizedTest
    @ValueSource(strings = {"VP8", "H264"})
    void chromiumCameraIsDecodedAndShownBack(String codec) throws Exception {
        int port = DevTools.freePort();
        try (RunningDemo demo = RunningDemo.start();
                HeadlessChromium chromium = HeadlessChromium.open(
                        demo.uri("/?codec=" + codec + "&res=640x480&autostart=1"),
                        HeadlessChromium.Media.FAKE_DEVICES, DevTools.flags(port));
                DevTools page = DevTools.connect(port, Duration.ofSeconds(20))) {
            JsonNode session;
            try {
                session = demo.awaitSession(s -> s.path("video").path("framesDecoded").asLong() >= MIN_DECODED
                        && !s.path("iceCandidatePair").isNull(), WITHIN, "with " + MIN_DECODED + " frames decoded");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\npage state: " + page.evaluate("JSON.stringify(demo)")
                        + "\n--- chromium log:\n" + chromium.logTail(), e);
            }
            System.out.println(codec + " session: " + session);
            String id = session.path("id").asText();
            assertEquals("connected", session.path("connectionState").asText());
            JsonNode video = session.path("video");
            assertEquals(codec, video.path("codec").asText());
            assertEquals(640, video.path("width").asInt(), video.toString());
            assertEquals(480, video.path("height").asInt(), video.toString());
            assertTrue(video.path("keyFramesDecoded").asLong() >= 1, video.toString());
            assertEquals("opus", session.path("audio").path("codec").asText(), session.toString());
            assertTrue(session.path("audio").path("packetsReceived").asLong() > 0, session.toString());
            assertTrue(session.path("report").isNull(), session.toString());

            BufferedImage snapshot = demo.snapshot(id);
            assertNotNull(snapshot, "snapshot.jpg is not an image");
            assertEquals(640, snapshot.getWidth());
            assertEquals(480, snapshot.getHeight());
            assertTrue(RunningDemo.distinctColours(snapshot) > 20,
                    "the snapshot is uniform: " + RunningDemo.distinctColours(snapshot) + " colours");

            // The chat: the page sends, Java echoes.
            page.evaluate("document.getElementById('chat-input').value = 'hello from the test';"
                    + "document.getElementById('chat-form').requestSubmit(); true");
            JsonNode chat = awaitPage(page, "demo.chat.includes('java: echo: hello from the test') ? demo.chat : null");
            assertTrue(chat.toString().contains("java: echo: hello from the test"), chat.toString());
            // The page has shown Java's statistics and the decoded frames (MJPEG in an <img>).
            awaitPage(page, "demo.stats && demo.stats.video.framesDecoded > 0 ? true : null");
            JsonNode img = awaitPage(page, "(() => { const i = document.getElementById('server');"
                    + " const r = i.getBoundingClientRect();"
                    + " return i.naturalWidth > 0 ? {w: i.naturalWidth, h: i.naturalHeight, x: r.x, y: r.y,"
                    + " width: r.width, height: r.height, dpr: window.devicePixelRatio} : null; })()");
            assertEquals(640, img.path("w").asInt(), img.toString());
            assertEquals(480, img.path("h").asInt(), img.toString());

            byte[] png = page.screenshot();
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
            double dpr = img.path("dpr").asDouble(1);
            int x = (int) (img.path("x").asDouble() * dpr);
            int y = (int) (img.path("y").asDouble() * dpr);
            int w = (int) (img.path("width").asDouble() * dpr);
            int h = (int) (img.path("height").asDouble() * dpr);
            int colours = RunningDemo.distinctColours(shot, x, y, w, h);
            Path saved = save(png, "demo-page-" + codec.toLowerCase() + ".png");
            System.out.println("screenshot " + saved + ": server view at " + x + "," + y + " " + w + "x" + h + ", "
                    + colours + " colours");
            assertTrue(w > 100 && h > 100, "the server view is not visible: " + img);
            assertTrue(colours > 20, "the page's server view is uniform (" + colours + " colours); see " + saved);
            if (codec.equals("VP8")) {
                Path docs = Path.of(System.getProperty("user.dir")).resolve("../docs").normalize();
                Files.createDirectories(docs);
                Files.write(docs.resolve("demo-page.png"), png);
            }
        }
    }

    /** Receive mode: Java sends its test pattern and tone; the page's video element plays them. */
    @org.junit.jupiter.api.Test
    void receiveModePlaysJavasTestPattern() throws Exception {
        int port = DevTools.freePort();
        try (RunningDemo demo = RunningDemo.start();
                HeadlessChromium chromium = HeadlessChromium.open(demo.uri("/?mode=receive&autostart=1"),
                        HeadlessChromium.Media.FAKE_DEVICES, DevTools.flags(port));
                DevTools page = DevTools.connect(port, Duration.ofSeconds(20))) {
            // The page's own getStats: Chromium decoded our H.264.
            JsonNode video = awaitPage(page, "(async () => { if (!demo.pc) return null; let v = null;"
                    + " (await demo.pc.getStats()).forEach(s => { if (s.type === 'inbound-rtp' && s.kind === 'video'"
                    + " && s.framesDecoded > 0) v = {decoded: s.framesDecoded, w: s.frameWidth, h: s.frameHeight}; });"
                    + " return v; })()", WITHIN);
            assertEquals(640, video.path("w").asInt(), video.toString());
            assertEquals(480, video.path("h").asInt(), video.toString());
            // And the video element shows it.
            awaitPage(page, "(() => { const v = document.getElementById('remote');"
                    + " return v.videoWidth === 640 && v.currentTime > 0.2 ? true : null; })()", Duration.ofSeconds(20));
            JsonNode session = demo.sessions().get(0);
            assertEquals("page-receive", session.path("via").asText());
            assertEquals("H264", session.path("video").path("codec").asText(), session.toString());
            awaitPage(page, "demo.stats && demo.stats.video.framesSent > 0 ? true : null", Duration.ofSeconds(20));
            save(page.screenshot(), "demo-page-receive.png");
        }
    }

    private static JsonNode awaitPage(DevTools page, String expression) throws Exception {
        return awaitPage(page, expression, Duration.ofSeconds(20));
    }

    private static JsonNode awaitPage(DevTools page, String expression, Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        String lastError = null;
        while (System.nanoTime() < end) {
            try {
                JsonNode v = page.evaluate(expression);
                if (v != null && !v.isNull() && !v.isMissingNode()) {
                    return v;
                }
            } catch (IllegalStateException e) {
                lastError = e.getMessage(); // e.g. the page is still loading
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the page never satisfied: " + expression + " (last error: " + lastError
                + "); state: " + page.evaluate("typeof demo === 'undefined' ? null : JSON.stringify(demo)"));
    }

    static Path save(byte[] png, String name) throws Exception {
        Path dir = Path.of(System.getProperty("user.dir"), "target", "demo-screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.write(file, png);
        return file;
    }
}
