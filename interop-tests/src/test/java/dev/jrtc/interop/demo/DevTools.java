package dev.jrtc.interop.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Chrome DevTools Protocol client over the browser's remote-debugging WebSocket (on
 * 127.0.0.1): evaluate JavaScript in the page and take screenshots. Enough to look at what a page
 * shows without WebDriver.
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private DevTools(WebSocket socket) {
        this.socket = socket;
    }

    /** A free loopback port for {@code --remote-debugging-port}. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Chromium flags that open the debugging port. */
    static List<String> flags(int port) {
        return List.of("--remote-debugging-address=127.0.0.1", "--remote-debugging-port=" + port,
                "--remote-allow-origins=*", "--window-size=1300,1250", "--hide-scrollbars");
    }

    /** Connects to the first page target of the browser on {@code port}, waiting for it to appear. */
    static DevTools connect(int port, Duration within) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + within.toNanos();
        Exception last = null;
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> list = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                for (JsonNode target : JSON.readTree(list.body())) {
                    if (target.path("type").asText().equals("page")) {
                        DevTools[] out = new DevTools[1];
                        Listener listener = new Listener(() -> out[0]);
                        WebSocket ws = http.newWebSocketBuilder()
                                .buildAsync(URI.create(target.path("webSocketDebuggerUrl").asText()), listener)
                                .get(10, TimeUnit.SECONDS);
                        out[0] = new DevTools(ws);
                        return out[0];
                    }
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no DevTools page target on port " + port, last);
    }

    /** Evaluates an expression (awaiting a promise) and returns its value as JSON. */
    JsonNode evaluate(String expression) throws Exception {
        ObjectNode params = JSON.createObjectNode();
        params.put("expression", expression);
        params.put("returnByValue", true);
        params.put("awaitPromise", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A PNG of the page's viewport. */
    byte[] screenshot() throws Exception {
        ObjectNode params = JSON.createObjectNode();
        params.put("format", "png");
        return Base64.getDecoder().decode(call("Page.captureScreenshot", params).path("data").asText());
    }

    private JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode m = JSON.createObjectNode();
        m.put("id", id);
        m.put("method", method);
        m.set("params", params);
        socket.sendText(m.toString(), true).get(10, TimeUnit.SECONDS);
        JsonNode r = reply.get(30, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IllegalStateException(method + " failed: " + r.get("error"));
        }
        return r.path("result");
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        private final java.util.function.Supplier<DevTools> owner;
        private final StringBuilder text = new StringBuilder();

        Listener(java.util.function.Supplier<DevTools> owner) {
            this.owner = owner;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                try {
                    JsonNode m = JSON.readTree(message);
                    DevTools d = owner.get();
                    if (m.has("id") && d != null) {
                        CompletableFuture<JsonNode> f = d.pending.remove(m.get("id").asInt());
                        if (f != null) {
                            f.complete(m);
                        }
                    }
                } catch (IOException e) {
                    // not JSON: ignore
                }
            }
            ws.request(1);
            return null;
        }
    }
}
