package dev.jrtc.demo.http;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;

/**
 * CORS for the WHIP, WHEP and {@code /api} endpoints: any origin by default, or only the
 * configured ones; preflights answered; {@code Location} (and the other WHIP headers) exposed so
 * that a browser WHIP client on another origin can find its session.
 */
final class Cors {
    static final String ALLOWED_METHODS = "GET, POST, PATCH, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-Match";
    static final String EXPOSED_HEADERS = "Location, Link, ETag, Accept-Patch";

    private final List<String> origins;

    /** @param origins the allowed origins; empty allows any */
    Cors(List<String> origins) {
        this.origins = List.copyOf(origins);
    }

    /** Adds the CORS headers that {@code request}'s origin is entitled to. */
    void decorate(HttpRequest request, FullHttpResponse response) {
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        HttpHeaders h = response.headers();
        if (origins.isEmpty()) {
            h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        } else if (origin != null && origins.contains(origin)) {
            h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            h.add(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
        } else {
            return;
        }
        h.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
    }

    /** The answer to a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}). */
    FullHttpResponse preflight(HttpRequest request, String acceptPost) {
        FullHttpResponse r = Responses.empty(HttpResponseStatus.NO_CONTENT);
        HttpHeaders h = r.headers();
        h.set(HttpHeaderNames.ALLOW, ALLOWED_METHODS);
        if (acceptPost != null) {
            h.set("Accept-Post", acceptPost);
        }
        decorate(request, r);
        if (h.contains(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)) {
            h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
            h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
            h.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
        }
        return r;
    }
}
