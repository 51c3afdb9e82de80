package dev.jrtc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The harness's HTTP server carries JSON both ways and serves only its own pages. It runs no
 * peer and talks only to itself on 127.0.0.1, so run-interop.sh also runs it outside the
 * namespace, before going offline, to make failsafe fetch its JUnit provider.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalTestServerIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void carriesJsonFromThePageToJavaAndBack() throws Exception {
        try (LocalTestServer server = LocalTestServer.start()) {
            URI base = server.pageUri("x.html", "").resolve("/");
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(base.resolve("/to-java"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, posted.statusCode());
            JsonNode received = server.receive(Duration.ofSeconds(5));
            assertEquals("v=0\r\n", received.path("sdp").asText());

            server.send(Map.of("type", "answer", "sdp", "v=0\r\n"));
            HttpResponse<String> polled = http.send(HttpRequest.newBuilder(base.resolve("/to-page")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, polled.statusCode());
            JsonNode delivered = new ObjectMapper().readTree(polled.body());
            assertEquals("answer", delivered.path("type").asText());
            assertEquals("v=0\r\n", delivered.path("sdp").asText());
            assertNull(server.receive(Duration.ofMillis(100)), "nothing else was posted");
        }
    }

    @Test
    void servesItsPagesAndNothingElse() throws Exception {
        try (LocalTestServer server = LocalTestServer.start()) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(server.pageUri("answer-check.html", "")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("setRemoteDescription"));
            for (String outside : new String[] {"../interop/answer-check.html", "aiortc_answer_check.py", "missing.html"}) {
                HttpResponse<String> refused = http.send(HttpRequest.newBuilder(
                        URI.create(server.pageUri("x.html", "").toString().replace("x.html", outside))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(404, refused.statusCode(), outside);
            }
        }
    }

    @Test
    void listensOnLoopbackOnly() {
        try (LocalTestServer server = LocalTestServer.start()) {
            assertEquals("127.0.0.1", server.pageUri("x.html", "").getHost());
        }
    }
}
