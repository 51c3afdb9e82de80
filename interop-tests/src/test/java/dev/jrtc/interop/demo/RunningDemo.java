package dev.jrtc.interop.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jrtc.demo.Demo;
import dev.jrtc.demo.DemoOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.imageio.ImageIO;

/**
 * The demo receiver started in-process on 127.0.0.1 (a free port, loopback ICE candidates), and a
 * real HTTP client for its API.
 */
final class RunningDemo implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Demo demo;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningDemo(Demo demo) {
        this.demo = demo;
    }

    static RunningDemo start(String... extraOptions) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--bind", "127.0.0.1", "--ice-address", "127.0.0.1"));
        args.addAll(List.of(extraOptions));
        return new RunningDemo(Demo.start(DemoOptions.parse(args.toArray(String[]::new))));
    }

    String base() {
        return "http://127.0.0.1:" + demo.httpAddress().getPort();
    }

    URI uri(String path) {
        return URI.create(base() + path);
    }

    /** GET /api/sessions. */
    JsonNode sessions() throws Exception {
        return JSON.readTree(get("/api/sessions", HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Polls /api/sessions until a session matches, failing with the last listing. */
    JsonNode awaitSession(Predicate<JsonNode> condition, Duration within, String what) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = sessions();
            for (JsonNode s : last) {
                if (condition.test(s)) {
                    return s;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no session " + what + " within " + within.toSeconds() + " s; /api/sessions: " + last);
    }

    /** GET /api/sessions/{id}/snapshot.jpg, decoded. */
    BufferedImage snapshot(String id) throws Exception {
        HttpResponse<byte[]> r = get("/api/sessions/" + id + "/snapshot.jpg", HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new AssertionError("snapshot.jpg answered " + r.statusCode());
        }
        if (!r.headers().firstValue("Content-Type").orElse("").equals("image/jpeg")) {
            throw new AssertionError("snapshot.jpg is " + r.headers().firstValue("Content-Type"));
        }
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(), body);
    }

    @Override
    public void close() {
        demo.close();
    }

    /** Colours (4 bits per channel) among every 4th pixel of a region: 1 means uniform. */
    static int distinctColours(BufferedImage image, int x0, int y0, int w, int h) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = y0; y < Math.min(image.getHeight(), y0 + h); y += 4) {
            for (int x = x0; x < Math.min(image.getWidth(), x0 + w); x += 4) {
                colours.add(image.getRGB(x, y) & 0xf0f0f0);
            }
        }
        return colours.size();
    }

    static int distinctColours(BufferedImage image) {
        return distinctColours(image, 0, 0, image.getWidth(), image.getHeight());
    }
}
