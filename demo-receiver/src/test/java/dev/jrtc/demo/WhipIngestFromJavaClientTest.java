package dev.jrtc.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A jrtc peer connection as a WHIP client sends a VP8 clip (320x240) to the demo over loopback:
 * once with one full offer (no trickle), once trickling its candidates by PATCH. The demo decodes
 * it, lists it in /api/sessions, serves a snapshot, and frees it on DELETE or when the client
 * vanishes.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WhipIngestFromJavaClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIN_DECODED = 20;

    @Test
    void aFullOfferWithoutTrickleIsDecodedAndListed() throws Exception {
        try (Demo demo = DemoHttp.start(); JavaWhipClient client = new JavaWhipClient()) {
            DemoHttp http = new DemoHttp(demo);
            HttpResponse<String> created = http.post("/whip", "application/sdp", client.offer(true));
            assertEquals(201, created.statusCode(), created.body());
            assertEquals("application/sdp", created.headers().firstValue("Content-Type").orElse(""));
            String location = created.headers().firstValue("Location").orElseThrow();
            assertTrue(location.matches("/whip/[0-9a-f]{16}"), location);
            assertTrue(created.body().contains("a=candidate:"), "the answer has no candidates:\n" + created.body());
            client.answer(created.body());
            client.connected.get(20, TimeUnit.SECONDS);
            client.startSending();

            String id = location.substring("/whip/".length());
            JsonNode session = awaitDecoded(http, id, MIN_DECODED);
            assertEquals("connected", session.path("connectionState").asText());
            JsonNode video = session.path("video");
            assertEquals("VP8", video.path("codec").asText());
            assertEquals(320, video.path("width").asInt());
            assertEquals(240, video.path("height").asInt());
            assertTrue(video.path("framesReceived").asLong() >= video.path("framesDecoded").asLong());
            assertTrue(video.path("keyFramesDecoded").asLong() >= 1, video.toString());
            for (String field : new String[] {"packetsLost", "nackCount", "pliCount", "bitrateKbps"}) {
                assertTrue(video.path(field).isNumber(), field + " missing: " + video);
            }
            assertTrue(session.path("audio").has("codec") && session.path("audio").has("packetsReceived")
                    && session.path("audio").has("packetsLost"), session.toString());
            assertTrue(session.has("report") && session.path("report").isNull(), session.toString());
            assertTrue(session.path("iceCandidatePair").asText().contains("127.0.0.1"), session.toString());

            HttpResponse<byte[]> snapshot = http.sendForBytes(http.request(location.replace("/whip/", "/api/sessions/")
                    + "/snapshot.jpg").GET());
            assertEquals(200, snapshot.statusCode());
            assertEquals("image/jpeg", snapshot.headers().firstValue("Content-Type").orElse(""));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(snapshot.body()));
            assertNotNull(image, "not a JPEG");
            assertEquals(320, image.getWidth());
            assertEquals(240, image.getHeight());
            assertTrue(distinctColours(image) > 50, "the snapshot is (nearly) uniform");

            assertEquals(200, http.send(http.request(location).DELETE()).statusCode());
            assertEquals("[]", http.get("/api/sessions").body());
            assertEquals(404, http.send(http.request(location).DELETE()).statusCode());
        }
    }

    @Test
    void candidatesTrickledByPatchConnect() throws Exception {
        try (Demo demo = DemoHttp.start(); JavaWhipClient client = new JavaWhipClient()) {
            DemoHttp http = new DemoHttp(demo);
            String offer = client.offer(false);
            assertTrue(!offer.contains("a=candidate:"), "the early offer already has candidates");
            HttpResponse<String> created = http.post("/whip", "application/sdp", offer);
            assertEquals(201, created.statusCode(), created.body());
            assertTrue(created.headers().firstValue("Accept-Patch").orElse("").contains("trickle-ice-sdpfrag"));
            client.answer(created.body());
            String location = created.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> patched = http.send(http.request(location)
                    .header("Content-Type", "application/trickle-ice-sdpfrag")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(client.trickleFragment())));
            assertEquals(204, patched.statusCode(), patched.body());
            client.connected.get(20, TimeUnit.SECONDS);
            client.startSending();
            awaitDecoded(http, location.substring("/whip/".length()), MIN_DECODED);

            HttpResponse<String> wrongType = http.send(http.request(location).header("Content-Type", "application/sdp")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("a=end-of-candidates\r\n")));
            assertEquals(415, wrongType.statusCode());
            HttpResponse<String> restart = http.send(http.request(location)
                    .header("Content-Type", "application/trickle-ice-sdpfrag")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("a=ice-ufrag:brandnew\r\na=ice-pwd:"
                            + "x".repeat(22) + "\r\n")));
            assertEquals(422, restart.statusCode(), restart.body());
        }
    }

    @Test
    void aClientThatVanishesIsReapedByConsentFreshness() throws Exception {
        try (Demo demo = DemoHttp.start("--consent-timeout", "3")) {
            DemoHttp http = new DemoHttp(demo);
            JavaWhipClient client = new JavaWhipClient();
            HttpResponse<String> created = http.post("/whip", "application/sdp", client.offer(true));
            client.answer(created.body());
            client.connected.get(20, TimeUnit.SECONDS);
            client.startSending();
            String id = created.headers().firstValue("Location").orElseThrow().substring("/whip/".length());
            awaitDecoded(http, id, 5);
            // Gone without a DELETE.
            client.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (demo.sessions().find(id).isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(demo.sessions().find(id).isEmpty(), "the session outlived its peer: " + http.get("/api/sessions").body());
            assertEquals(404, http.get("/api/sessions/" + id + "/snapshot.jpg").statusCode());
            // Freed, but still listed for a while with why it failed.
            JsonNode listed = JSON.readTree(http.get("/api/sessions").body()).get(0);
            assertEquals(id, listed.path("id").asText());
            assertEquals("failed", listed.path("connectionState").asText(), listed.toString());
            assertTrue(listed.path("ended").asText().startsWith("connection failed"), listed.toString());
            assertTrue(listed.path("report").path("explanation").asText().length() > 20, listed.toString());
        }
    }

    @Test
    void recordingWritesTheReceivedVideoToAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        byte[] ivf = java.nio.file.Files.readAllBytes(recordOneSession(dir, "-video.ivf", "--record", dir.toString()));
        assertEquals("DKIF", new String(ivf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        int frames = java.nio.ByteBuffer.wrap(ivf).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(24);
        assertTrue(frames >= MIN_DECODED, "frames in the IVF header: " + frames);
        // The frames are the ones sent: the first is the clip's key frame, byte for byte.
        byte[] first = JavaWhipClient.clip().get(0);
        int size = java.nio.ByteBuffer.wrap(ivf).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(32);
        assertEquals(first.length, size);
        assertTrue(java.util.Arrays.equals(first, java.util.Arrays.copyOfRange(ivf, 44, 44 + size)));
    }

    @Test
    void combinedRecordingWritesOneWebm(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        byte[] webm = java.nio.file.Files.readAllBytes(
                recordOneSession(dir, ".webm", "--record", dir.toString(), "--record-combined"));
        assertEquals(0x1A45DFA3, java.nio.ByteBuffer.wrap(webm).getInt(), "an EBML file");
        // The client's first frame (the clip's key frame) is in the first block, byte for byte.
        byte[] first = JavaWhipClient.clip().get(0);
        assertTrue(indexOf(webm, first) > 0, "the first key frame is in the file");
    }

    /**
     * Runs the demo with {@code demoArgs}, lets the Java WHIP client send until the demo has decoded
     * enough, checks that the session lists its recording as {@code <id><suffix>} in {@code dir}, ends
     * the session (so the file is complete) and returns the file.
     */
    private static java.nio.file.Path recordOneSession(java.nio.file.Path dir, String suffix, String... demoArgs)
            throws Exception {
        try (Demo demo = DemoHttp.start(demoArgs); JavaWhipClient client = new JavaWhipClient()) {
            DemoHttp http = new DemoHttp(demo);
            HttpResponse<String> created = http.post("/whip", "application/sdp", client.offer(true));
            client.answer(created.body());
            client.connected.get(20, TimeUnit.SECONDS);
            client.startSending();
            String location = created.headers().firstValue("Location").orElseThrow();
            String id = location.substring("/whip/".length());
            JsonNode session = awaitDecoded(http, id, MIN_DECODED);
            java.nio.file.Path file = dir.resolve(id + suffix);
            assertEquals(file.toString(), session.path("recording").path(0).asText(), session.toString());
            client.close();
            assertEquals(200, http.send(http.request(location).DELETE()).statusCode());
            return file;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static JsonNode awaitDecoded(DemoHttp http, String id, int frames) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            JsonNode list = JSON.readTree(http.get("/api/sessions").body());
            for (JsonNode s : list) {
                if (s.path("id").asText().equals(id)) {
                    last = s;
                    // Wait for a stats sample too, so the candidate pair is known.
                    if (s.path("video").path("framesDecoded").asLong() >= frames && !s.path("iceCandidatePair").isNull()) {
                        return s;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("fewer than " + frames + " frames decoded: " + last);
    }

    static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y) & 0xf0f0f0);
            }
        }
        return colours.size();
    }
}
