package dev.jrtc.interop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.HeadlessChromium;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.interop.pc.PageMessages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Chromium as a WHIP client and as a WHEP client of the demo, from pages served by another origin
 * (the test server's port), so CORS must let it through and expose Location. The WHIP page waits
 * for gathering and POSTs one full offer (no trickle) with a bearer token; the WHEP page's own
 * getStats must show decoded frames of the test pattern.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BrowserWhipAndWhepClientsIT {
    private static final Duration MESSAGE = Duration.ofSeconds(60);
    private static final int MIN_DECODED = Integer.getInteger("jrtc.demo.whipFrames", 30);

    @Test
    void chromiumPublishesOverWhipWithoutTrickle() throws Exception {
        try (RunningDemo demo = RunningDemo.start("--token", "t0ken");
                LocalTestServer pages = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(pages.pageUri("demo-whip-client.html",
                        "endpoint=" + encode(demo.base() + "/whip") + "&token=t0ken&video=VP8"),
                        HeadlessChromium.Media.FAKE_DEVICES)) {
            JsonNode created = PageMessages.expect(pages, "created", MESSAGE, "chromium", chromium::logTail);
            assertEquals(201, created.path("status").asInt(), created.toString());
            assertEquals("application/sdp", created.path("contentType").asText());
            String location = created.path("location").asText();
            assertTrue(location.startsWith("/whip/"), "Location not readable cross-origin: " + created);
            String id = location.substring("/whip/".length());

            JsonNode session = demo.awaitSession(s -> s.path("id").asText().equals(id)
                    && s.path("video").path("framesDecoded").asLong() >= MIN_DECODED, MESSAGE,
                    id + " with " + MIN_DECODED + " frames decoded");
            assertEquals("whip", session.path("via").asText());
            assertEquals("VP8", session.path("video").path("codec").asText());
            assertEquals(640, session.path("video").path("width").asInt(), session.toString());
            assertTrue(RunningDemo.distinctColours(demo.snapshot(id)) > 20, "uniform snapshot");

            pages.send(Map.of("type", "delete"));
            JsonNode deleted = PageMessages.expect(pages, "deleted", MESSAGE, "chromium", chromium::logTail);
            assertEquals(200, deleted.path("status").asInt());
            assertEquals(0, demo.sessions().size(), "DELETE left the session: " + demo.sessions());
        }
    }

    @Test
    void chromiumPlaysTheTestPatternOverWhep() throws Exception {
        try (RunningDemo demo = RunningDemo.start();
                LocalTestServer pages = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(pages.pageUri("demo-whep-client.html",
                        "endpoint=" + encode(demo.base() + "/whep")), HeadlessChromium.Media.NONE)) {
            JsonNode created = PageMessages.expect(pages, "created", MESSAGE, "chromium", chromium::logTail);
            assertEquals(201, created.path("status").asInt(), created.toString());
            assertTrue(created.path("location").asText().startsWith("/whep/"), created.toString());
            JsonNode playing = PageMessages.expect(pages, "playing", MESSAGE, "chromium", chromium::logTail);
            System.out.println("WHEP page: " + playing + "; demo: " + demo.sessions());
            assertTrue(playing.path("framesDecoded").asLong() > 0, playing.toString());
            assertEquals("video/H264", playing.path("mimeType").asText(), playing.toString());
            assertEquals(640, playing.path("frameWidth").asInt(), playing.toString());
            assertEquals(480, playing.path("frameHeight").asInt(), playing.toString());
            assertTrue(playing.path("audioPackets").asLong() > 0, "no Opus packets: " + playing);
            // The demo's side of it, from its once-a-second statistics.
            JsonNode session = demo.awaitSession(x -> x.path("video").path("framesSent").asLong() > 0,
                    Duration.ofSeconds(10), "with frames sent");
            assertEquals("whep", session.path("via").asText());
            assertEquals("H264", session.path("video").path("codec").asText(), session.toString());
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
