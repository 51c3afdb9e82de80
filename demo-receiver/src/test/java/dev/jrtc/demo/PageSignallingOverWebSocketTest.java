package dev.jrtc.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jrtc.peerconnection.api.RTCDataChannel;
import dev.jrtc.peerconnection.api.RTCIceCandidate;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.SdpType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The page's signalling, driven by a Java client over a real WebSocket the way app.js drives it:
 * offer, answer with the session id, candidates both ways (ours trickled right after the offer,
 * before the session exists), statistics every second, the chat echo, and closing the socket
 * ending the session.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PageSignallingOverWebSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void offerAnswerTrickleStatsAndChat() throws Exception {
        try (Demo demo = DemoHttp.start(); JavaWhipClient client = new JavaWhipClient()) {
            RTCDataChannel chat = client.pc.createDataChannel("chat");
            BlockingQueue<String> chatIn = new LinkedBlockingQueue<>();
            chat.onmessage(m -> chatIn.add(m.text()));
            CompletableFuture<Void> chatOpen = new CompletableFuture<>();
            chat.onopen(() -> chatOpen.complete(null));
            BlockingQueue<JsonNode> fromServer = new LinkedBlockingQueue<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + demo.httpAddress().getPort() + "/ws"), new Collector(fromServer))
                    .get(5, TimeUnit.SECONDS);

            String offer = client.offer(false);
            send(ws, Map.of("type", "offer", "mode", "send", "sdp", offer));
            // Trickled at once, as a browser does: the server must keep them until the session exists.
            for (RTCIceCandidate c : awaitCandidates(client)) {
                send(ws, Map.of("type", "candidate", "candidate", c.candidate(), "sdpMid", c.sdpMid(),
                        "sdpMLineIndex", c.sdpMLineIndex()));
            }
            send(ws, Map.of("type", "candidate", "candidate", ""));

            JsonNode answer = expect(fromServer, "answer");
            String id = answer.path("id").asText();
            client.answer(answer.path("sdp").asText());
            // The server's candidates trickle; apply them as the page does.
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!client.connected.isDone() && System.nanoTime() < end) {
                JsonNode m = fromServer.poll(100, TimeUnit.MILLISECONDS);
                if (m != null && m.path("type").asText().equals("candidate")) {
                    client.pc.addIceCandidate(new RTCIceCandidate(m.path("candidate").asText(),
                            m.path("sdpMid").asText(null), m.path("sdpMLineIndex").asInt()));
                }
            }
            client.connected.get(1, TimeUnit.SECONDS);
            client.startSending();

            chatOpen.get(10, TimeUnit.SECONDS);
            chat.send("hello java");
            assertEquals("echo: hello java", chatIn.poll(10, TimeUnit.SECONDS));

            JsonNode stats = null;
            end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < end) {
                JsonNode m = fromServer.poll(1, TimeUnit.SECONDS);
                if (m != null && m.path("type").asText().equals("stats")
                        && m.path("session").path("video").path("framesDecoded").asLong() > 10) {
                    stats = m.path("session");
                    break;
                }
            }
            assertTrue(stats != null, "no statistics with decoded frames");
            assertEquals(id, stats.path("id").asText());
            assertEquals("page", stats.path("via").asText());
            assertEquals(320, stats.path("video").path("width").asInt());

            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (demo.sessions().find(id).isPresent() && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertTrue(demo.sessions().find(id).isEmpty(), "closing the socket left the session");
        }
    }

    @Test
    void aBadOfferIsReportedAsAnError() throws Exception {
        try (Demo demo = DemoHttp.start()) {
            BlockingQueue<JsonNode> fromServer = new LinkedBlockingQueue<>();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + demo.httpAddress().getPort() + "/ws"), new Collector(fromServer))
                    .get(5, TimeUnit.SECONDS);
            send(ws, Map.of("type", "offer", "mode", "send", "sdp", "not sdp"));
            assertTrue(expect(fromServer, "error").path("message").asText().startsWith("malformed SDP"));
            ws.sendText("{not json", true);
            assertTrue(expect(fromServer, "error").path("message").asText().startsWith("not JSON"));
            assertTrue(demo.sessions().list().isEmpty());
        }
    }

    private static java.util.List<RTCIceCandidate> awaitCandidates(JavaWhipClient client) throws Exception {
        client.pc.gatheringComplete().get(5, TimeUnit.SECONDS);
        return client.candidates;
    }

    private static void send(WebSocket ws, Map<String, Object> message) throws Exception {
        ws.sendText(JSON.writeValueAsString(message), true).get(5, TimeUnit.SECONDS);
    }

    private static JsonNode expect(BlockingQueue<JsonNode> q, String type) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            JsonNode m = q.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && m.path("type").asText().equals(type)) {
                return m;
            }
        }
        throw new AssertionError("no '" + type + "' message");
    }

    /** Collects the server's JSON messages. */
    private static final class Collector implements WebSocket.Listener {
        private final BlockingQueue<JsonNode> out;
        private final StringBuilder text = new StringBuilder();

        Collector(BlockingQueue<JsonNode> out) {
            this.out = out;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    out.add(JSON.readTree(text.toString()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
