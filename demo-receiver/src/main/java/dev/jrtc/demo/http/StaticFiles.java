package dev.jrtc.demo.http;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The page: plain files from the jar's {@code dev/jrtc/demo/web/} resources, read once. */
final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    /** The file for {@code path}, or empty; {@code /} is {@code index.html}. */
    Optional<FullHttpResponse> serve(String path) {
        String name = path.equals("/") ? "index.html" : path.substring(1);
        // Plain names only: nothing outside web/ can be asked for.
        if (!name.matches("[a-z0-9-]+\\.(html|js|css|svg)")) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(name, StaticFiles::load).map(body -> {
            FullHttpResponse r = Responses.of(HttpResponseStatus.OK, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), body);
            r.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
            return r;
        });
    }

    private static Optional<byte[]> load(String name) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/dev/jrtc/demo/web/" + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
