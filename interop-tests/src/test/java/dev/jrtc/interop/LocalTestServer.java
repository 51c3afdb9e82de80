package dev.jrtc.interop;

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
 * The Java end of a browser test: an HTTP server on 127.0.0.1 (never another address) that
 * serves pages from the test resources under {@code /interop/} and carries JSON both ways.
 * <ul>
 *   <li>The page POSTs a JSON object to {@code /to-java}; the test takes it with {@link #receive}.</li>
 *   <li>The test {@link #send}s a JSON object; the page long-polls {@code GET /to-page} for it
 *       (204 when none arrived within {@link #LONG_POLL}, and the page asks again).</li>
 * </ul>
 */
public final class LocalTestServer implements PeerChannel, AutoCloseable {
    static final Duration LONG_POLL = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService handlers;
    private final BlockingQueue<JsonNode> toJava = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonNode> toPage = new LinkedBlockingQueue<>();

    private LocalTestServer(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    /** Starts a server on an ephemeral port of 127.0.0.1. */
    /** Starts a server on 127.0.0.1 at a free port. */
    public static LocalTestServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // Several threads: a parked long poll must not hold up the page's next POST.
            ExecutorService handlers = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "local-test-server");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(handlers);
            LocalTestServer test = new LocalTestServer(server, handlers);
            server.createContext("/interop/", test::servePage);
            server.createContext("/to-java", test::takeFromPage);
            server.createContext("/to-page", test::giveToPage);
            server.start();
            return test;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local test server", e);
        }
    }

    /** The address of a page in src/test/resources/interop/, with a query string (may be empty). */
    /** The address of a page from the test resources' {@code interop/} folder, with no query. */
    public URI pageUri(String page) {
        return pageUri(page, "");
    }

    /** The address of a page from the test resources' {@code interop/} folder, with a query string. */
    public URI pageUri(String page, String query) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/interop/" + page
                + (query.isEmpty() ? "" : "?" + query));
    }

    /** The next JSON object the page POSTed, or null if none came within {@code timeout}. */
    @Override
    public JsonNode receive(Duration timeout) throws InterruptedException {
        return toJava.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Queues a JSON object (anything Jackson can write) for the page's next poll. */
    @Override
    public void send(Object message) {
        toPage.add(JSON.valueToTree(message));
    }

    private void servePage(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        // Resource names only: no "..", so nothing outside interop/ can be served.
        String name = path.substring("/interop/".length());
        try (exchange; InputStream page = name.matches("[a-z0-9_-]+\\.(html|js)")
                ? LocalTestServer.class.getResourceAsStream("/interop/" + name) : null) {
            if (page == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = page.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type",
                    name.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript; charset=utf-8");
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
            // close() interrupts parked polls; the page is going away with the browser.
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
