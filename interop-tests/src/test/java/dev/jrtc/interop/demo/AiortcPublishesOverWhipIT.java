package dev.jrtc.interop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.Aiortc;
import dev.jrtc.interop.pc.PageMessages;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * aiortc as a WHIP client: it POSTs its own offer to the demo's /whip over HTTP (every candidate in
 * the offer, no trickle), applies the answer and sends a moving VP8 picture; the demo decodes it
 * and lists it; aiortc's DELETE ends the session.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AiortcPublishesOverWhipIT {
    private static final Duration MESSAGE = Duration.ofSeconds(60);
    private static final int MIN_DECODED = Integer.getInteger("jrtc.demo.whipFrames", 30);

    @Test
    void aiortcPublishesVp8AndDeletesItsSession() throws Exception {
        try (RunningDemo demo = RunningDemo.start(); Aiortc aiortc = Aiortc.run("aiortc_whip_client.py")) {
            aiortc.send(Map.of("type", "publish", "endpoint", demo.base() + "/whip", "codec", "VP8",
                    "width", 320, "height", 240));
            JsonNode created = PageMessages.expect(aiortc, "created", MESSAGE, "aiortc", aiortc::logTail);
            assertEquals(201, created.path("status").asInt(), created.toString());
            assertEquals("application/sdp", created.path("contentType").asText());
            String id = created.path("location").asText().substring("/whip/".length());

            JsonNode session = demo.awaitSession(s -> s.path("id").asText().equals(id)
                    && s.path("video").path("framesDecoded").asLong() >= MIN_DECODED, MESSAGE,
                    id + " with " + MIN_DECODED + " frames decoded");
            System.out.println("aiortc session: " + session);
            assertEquals("whip", session.path("via").asText());
            assertEquals("VP8", session.path("video").path("codec").asText());
            assertEquals(320, session.path("video").path("width").asInt(), session.toString());
            assertEquals(240, session.path("video").path("height").asInt(), session.toString());
            assertTrue(RunningDemo.distinctColours(demo.snapshot(id)) > 20, "uniform snapshot");

            aiortc.send(Map.of("type", "delete"));
            JsonNode deleted = PageMessages.expect(aiortc, "deleted", MESSAGE, "aiortc", aiortc::logTail);
            assertEquals(200, deleted.path("status").asInt());
            assertEquals(0, demo.sessions().size(), "DELETE left the session: " + demo.sessions());
        }
    }
}
