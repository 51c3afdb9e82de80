package dev.jrtc.interop.pc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Java end of a peer-connection browser test, the same protocol as
 * {@code dev.jrtc.interop.LocalTestServer} (which is package-private there): an HTTP server on
 * 127.0.0.1 serving pages from the test resources under {@code /pc/}; the page POSTs JSON to
 * {@code /to-java} and long-polls {@code /to-page}.
 */
final class PageServer implements AutoCloseable {
    private static final Duration LONG_POLL = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService handlers;
    private final BlockingQueue<JsonNode> toJava = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonNode> toPage = new LinkedBlockingQueue<>();

    private PageServer(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    static PageServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService handlers = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "pc-page-server");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(handlers);
            PageServer s = new PageServer(server, handlers);
            server.createContext("/pc/", s::servePage);
            server.createContext("/to-java", s::takeFromPage);
            server.createContext("/to-page", s::giveToPage);
            server.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the page server", e);
        }
    }

    URI pageUri(String page) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pc/" + page);
    }

    /** The next JSON object the page POSTed, or null after {@code timeout}. */
    JsonNode receive(Duration timeout) throws InterruptedException {
        return toJava.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void send(Object message) {
        toPage.add(JSON.valueToTree(message));
    }

    private void servePage(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/pc/".length());
        try (exchange; InputStream page = name.matches("[a-z0-9_-]+\\.html")
                ? PageServer.class.getResourceAsStream("/pc/" + name) : null) {
            if (page == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = page.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void takeFromPage(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            toJava.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private void giveToPage(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode message = toPage.poll(LONG_POLL.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            byte[] body = JSON.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
