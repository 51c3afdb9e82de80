package dev.jrtc.demo.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jrtc.demo.session.Session;
import dev.jrtc.demo.session.SessionRegistry;
import dev.jrtc.demo.video.JpegCache;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;

/**
 * {@code /api/sessions}: the live sessions as JSON, one session, its latest decoded picture
 * ({@code snapshot.jpg}) and its MJPEG stream ({@code video.mjpeg}); {@code DELETE} ends one.
 */
final class SessionsApi {
    static final String BASE = "/api/sessions";

    private final ObjectMapper json;
    private final SessionRegistry sessions;
    private final SessionJson sessionJson;
    private final MjpegStreams mjpeg;

    SessionsApi(ObjectMapper json, SessionRegistry sessions, MjpegStreams mjpeg) {
        this.json = json;
        this.sessions = sessions;
        this.sessionJson = new SessionJson(json, sessions);
        this.mjpeg = mjpeg;
    }

    boolean serves(String path) {
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }

    /** Handles a request; true if it took over the connection (a stream) instead of replying. */
    boolean handle(ChannelHandlerContext ctx, Exchange x) {
        if (x.method().equals(HttpMethod.OPTIONS)) {
            x.replyPreflight(null);
            return false;
        }
        String[] parts = x.path().substring(BASE.length()).split("/");
        // "" -> list; ["", id] -> one; ["", id, resource]
        if (parts.length <= 1) {
            if (!x.method().equals(HttpMethod.GET)) {
                x.reply(Responses.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "GET only"));
                return false;
            }
            x.reply(Responses.json(HttpResponseStatus.OK, write(sessionJson.all())));
            return false;
        }
        Optional<Session> session = sessions.find(parts[1]);
        if (session.isEmpty() || parts.length > 3) {
            x.reply(Responses.text(HttpResponseStatus.NOT_FOUND, "no such session: " + parts[1]));
            return false;
        }
        Session s = session.get();
        String resource = parts.length == 3 ? parts[2] : "";
        if (resource.isEmpty() && x.method().equals(HttpMethod.DELETE)) {
            sessions.end(s.id(), "ended from the API");
            x.reply(Responses.empty(HttpResponseStatus.OK));
            return false;
        }
        if (!x.method().equals(HttpMethod.GET)) {
            x.reply(Responses.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "GET only"));
            return false;
        }
        switch (resource) {
            case "" -> x.reply(Responses.json(HttpResponseStatus.OK, write(sessionJson.of(s))));
            case "snapshot.jpg" -> {
                Optional<byte[]> jpeg = s.jpeg().flatMap(JpegCache::latest);
                if (jpeg.isEmpty()) {
                    x.reply(Responses.text(HttpResponseStatus.NOT_FOUND, "no frame decoded yet"));
                } else {
                    FullHttpResponse r = Responses.of(HttpResponseStatus.OK, "image/jpeg", jpeg.get());
                    r.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache, no-store");
                    x.reply(r);
                }
            }
            case "video.mjpeg" -> {
                mjpeg.stream(ctx, s);
                return true;
            }
            default -> x.reply(Responses.text(HttpResponseStatus.NOT_FOUND, "no such resource: " + resource));
        }
        return false;
    }

    /** The JSON of one session, for the page's WebSocket. */
    String sessionJson(Session s) {
        return write(sessionJson.of(s));
    }

    private String write(Object node) {
        try {
            return json.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
