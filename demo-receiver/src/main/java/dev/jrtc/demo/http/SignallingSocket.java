package dev.jrtc.demo.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jrtc.demo.session.OfferRejectedException;
import dev.jrtc.demo.session.Session;
import dev.jrtc.demo.session.SessionLimitException;
import dev.jrtc.demo.session.SessionRegistry;
import dev.jrtc.demo.session.Via;
import dev.jrtc.peerconnection.api.RTCIceCandidate;
import dev.jrtc.peerconnection.engine.ConnectionState;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page's signalling over a WebSocket, in JSON messages with a {@code type}:
 * <ul>
 *   <li>page to server: {@code offer} ({@code sdp}, {@code mode} "send" or "receive"),
 *       {@code candidate} ({@code candidate}, {@code sdpMid}, {@code sdpMLineIndex}; an empty
 *       candidate ends them), {@code bye};</li>
 *   <li>server to page: {@code answer} ({@code sdp}, {@code id}), {@code candidate}, {@code state}
 *       ({@code connectionState}, {@code report}), {@code stats} (the session as
 *       {@code /api/sessions} shows it, every second), {@code error} ({@code message}).</li>
 * </ul>
 * One socket carries one session at a time; closing the socket ends it.
 */
final class SignallingSocket extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(SignallingSocket.class);

    private final ObjectMapper json;
    private final SessionRegistry sessions;
    private final SessionsApi api;
    private volatile Session session;
    /** Candidates the page trickled before its session was ready; applied once it is. */
    private final java.util.List<JsonNode> early = new java.util.ArrayList<>();
    private boolean opening;
    private volatile Runnable tick;

    SignallingSocket(ObjectMapper json, SessionRegistry sessions, SessionsApi api) {
        this.json = json;
        this.sessions = sessions;
        this.api = api;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame text)) {
            return;
        }
        JsonNode message;
        try {
            message = json.readTree(text.text());
        } catch (IOException e) {
            send(ctx, error("not JSON: " + e.getMessage()));
            return;
        }
        switch (message.path("type").asText()) {
            case "offer" -> offer(ctx, message);
            case "candidate" -> candidate(ctx, message);
            case "bye" -> endSession("the page hung up");
            default -> send(ctx, error("unknown message type '" + message.path("type").asText() + "'"));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        endSession("the page closed its WebSocket");
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("signalling socket failed", cause);
        ctx.close();
    }

    private void offer(ChannelHandlerContext ctx, JsonNode message) {
        endSession("the page sent a new offer");
        Via via = "receive".equals(message.path("mode").asText()) ? Via.PAGE_RECEIVE : Via.PAGE;
        synchronized (early) {
            early.clear();
            opening = true;
        }
        try {
            sessions.open(via, message.path("sdp").asText()).orTimeout(20, java.util.concurrent.TimeUnit.SECONDS)
                    .whenComplete((s, error) -> {
                List<JsonNode> queued;
                synchronized (early) {
                    opening = false;
                    queued = List.copyOf(early);
                    early.clear();
                    if (error == null) {
                        session = s;
                    }
                }
                if (error != null) {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    send(ctx, error("offer rejected: " + cause.getMessage()));
                    return;
                }
                if (!ctx.channel().isActive()) {
                    sessions.end(s.id(), "the page closed its WebSocket");
                    return;
                }
                queued.forEach(c -> candidate(ctx, c));
                ObjectNode answer = json.createObjectNode();
                answer.put("type", "answer");
                answer.put("id", s.id());
                answer.put("sdp", s.peerConnection().localDescription().orElseThrow().sdp());
                send(ctx, answer);
                s.onLocalCandidate(c -> send(ctx, candidateMessage(c)));
                s.onStateChange(state -> send(ctx, stateMessage(s, state)));
                Runnable t = () -> sendStats(ctx, s);
                tick = t;
                sessions.onTick(t);
            });
        } catch (OfferRejectedException | SessionLimitException e) {
            synchronized (early) {
                opening = false;
            }
            send(ctx, error(e.getMessage()));
        }
    }

    private void candidate(ChannelHandlerContext ctx, JsonNode message) {
        Session s;
        synchronized (early) {
            s = session;
            if (s == null && opening) {
                early.add(message);
                return;
            }
        }
        if (s == null) {
            send(ctx, error("a candidate before the offer"));
            return;
        }
        String c = message.path("candidate").asText("");
        String mid = message.hasNonNull("sdpMid") ? message.get("sdpMid").asText() : null;
        s.peerConnection().addIceCandidate(new RTCIceCandidate(c, mid, message.path("sdpMLineIndex").asInt(0)))
                .whenComplete((v, error) -> {
                    if (error != null) {
                        LOG.debug("session {}: candidate '{}' rejected: {}", s.id(), c, error.getMessage());
                    }
                });
    }

    private void sendStats(ChannelHandlerContext ctx, Session s) {
        if (!ctx.channel().isActive()) {
            return;
        }
        ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"stats\",\"session\":" + api.sessionJson(s) + "}"));
    }

    private ObjectNode candidateMessage(RTCIceCandidate c) {
        ObjectNode m = json.createObjectNode();
        m.put("type", "candidate");
        if (c == null) {
            m.put("candidate", "");
        } else {
            m.put("candidate", c.candidate());
            m.put("sdpMid", c.sdpMid());
            m.put("sdpMLineIndex", c.sdpMLineIndex());
        }
        return m;
    }

    private ObjectNode stateMessage(Session s, ConnectionState state) {
        ObjectNode m = json.createObjectNode();
        m.put("type", "state");
        m.put("connectionState", state.name().toLowerCase(Locale.ROOT));
        try {
            m.set("report", json.readTree(api.sessionJson(s)).get("report"));
        } catch (IOException e) {
            m.putNull("report");
        }
        return m;
    }

    private ObjectNode error(String text) {
        ObjectNode m = json.createObjectNode();
        m.put("type", "error");
        m.put("message", text);
        return m;
    }

    private void send(ChannelHandlerContext ctx, ObjectNode message) {
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(new TextWebSocketFrame(message.toString()));
        }
    }

    private void endSession(String reason) {
        Session s = session;
        session = null;
        Runnable t = tick;
        if (t != null) {
            sessions.removeTickListener(t);
            tick = null;
        }
        if (s != null) {
            sessions.end(s.id(), reason);
        }
    }
}
