package dev.jrtc.demo.http;

import dev.jrtc.demo.session.OfferRejectedException;
import dev.jrtc.demo.session.Session;
import dev.jrtc.demo.session.SessionLimitException;
import dev.jrtc.demo.session.SessionRegistry;
import dev.jrtc.demo.session.Via;
import dev.jrtc.peerconnection.api.RTCIceCandidate;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * WHIP (RFC 9725) or WHEP ingest/playback endpoint at {@code /whip} or {@code /whep}:
 * {@code POST} an SDP offer, get {@code 201 Created} with the answer (with every host candidate,
 * so a client that does not trickle works) and a {@code Location}; {@code PATCH} that resource with
 * trickle ICE fragments; {@code DELETE} it to end the session.
 */
final class WhipEndpoint {
    static final String SDP = "application/sdp";
    static final String TRICKLE = "application/trickle-ice-sdpfrag";
    private static final long GATHERING_TIMEOUT_SECONDS = 5;
    /** A connection that does not answer within this long gets a 500 rather than a hung request. */
    private static final long ANSWER_TIMEOUT_SECONDS = 20;

    private final String base;
    private final Via via;
    private final SessionRegistry sessions;
    private final Optional<String> token;

    /**
     * @param base {@code /whip} or {@code /whep}
     * @param via what sessions opened here are
     * @param token the bearer token clients must present, if any
     */
    WhipEndpoint(String base, Via via, SessionRegistry sessions, Optional<String> token) {
        this.base = base;
        this.via = via;
        this.sessions = sessions;
        this.token = token;
    }

    /** Whether this endpoint serves {@code path}. */
    boolean serves(String path) {
        return path.equals(base) || path.startsWith(base + "/");
    }

    void handle(Exchange x) {
        HttpMethod m = x.method();
        if (m.equals(HttpMethod.OPTIONS)) {
            x.replyPreflight(x.path().equals(base) ? SDP : null);
            return;
        }
        if (!authorized(x)) {
            FullHttpResponse r = Responses.text(HttpResponseStatus.UNAUTHORIZED, "a bearer token is required");
            r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            x.reply(r);
            return;
        }
        if (x.path().equals(base)) {
            if (m.equals(HttpMethod.POST)) {
                post(x);
            } else {
                x.reply(methodNotAllowed("POST, OPTIONS"));
            }
            return;
        }
        String id = x.path().substring(base.length() + 1);
        Optional<Session> session = sessions.find(id).filter(s -> s.via() == via);
        if (session.isEmpty()) {
            x.reply(Responses.text(HttpResponseStatus.NOT_FOUND, "no such session: " + id));
        } else if (m.equals(HttpMethod.PATCH)) {
            patch(x, session.get());
        } else if (m.equals(HttpMethod.DELETE)) {
            sessions.end(id, "DELETE from the client");
            x.reply(Responses.empty(HttpResponseStatus.OK));
        } else {
            x.reply(methodNotAllowed("PATCH, DELETE, OPTIONS"));
        }
    }

    private void post(Exchange x) {
        if (!x.contentType().filter(SDP::equals).isPresent()) {
            x.reply(Responses.text(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "the offer must be " + SDP));
            return;
        }
        CompletableFuture<Session> opened;
        try {
            opened = sessions.open(via, x.bodyText());
        } catch (OfferRejectedException e) {
            x.reply(Responses.text(HttpResponseStatus.BAD_REQUEST, e.getMessage()));
            return;
        } catch (SessionLimitException e) {
            x.reply(Responses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, e.getMessage()));
            return;
        }
        opened.thenCompose(s -> s.peerConnection().gatheringComplete()
                        .completeOnTimeout(null, GATHERING_TIMEOUT_SECONDS, TimeUnit.SECONDS).thenApply(v -> s))
                .orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((s, error) -> {
                    if (error instanceof java.util.concurrent.TimeoutException) {
                        x.reply(Responses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                                "no answer within " + ANSWER_TIMEOUT_SECONDS + " s"));
                        return;
                    }
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        x.reply(Responses.text(HttpResponseStatus.BAD_REQUEST, "offer rejected: " + cause.getMessage()));
                        return;
                    }
                    String answer = s.peerConnection().localDescription().orElseThrow().sdp();
                    FullHttpResponse r = Responses.of(HttpResponseStatus.CREATED, SDP,
                            answer.getBytes(StandardCharsets.UTF_8));
                    r.headers().set(HttpHeaderNames.LOCATION, base + "/" + s.id());
                    r.headers().set("Accept-Patch", TRICKLE);
                    x.reply(r);
                });
    }

    private void patch(Exchange x, Session s) {
        if (!x.contentType().filter(TRICKLE::equals).isPresent()) {
            x.reply(Responses.text(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "PATCH takes " + TRICKLE));
            return;
        }
        TrickleFragment fragment;
        try {
            fragment = TrickleFragment.parse(x.bodyText());
        } catch (IllegalArgumentException e) {
            x.reply(Responses.text(HttpResponseStatus.BAD_REQUEST, e.getMessage()));
            return;
        }
        Optional<String> remoteUfrag = s.peerConnection().remoteDescription()
                .flatMap(d -> d.sdp().lines().filter(l -> l.startsWith("a=ice-ufrag:")).findFirst())
                .map(l -> l.substring("a=ice-ufrag:".length()).strip());
        if (fragment.ufrag().isPresent() && remoteUfrag.isPresent() && !fragment.ufrag().equals(remoteUfrag)) {
            x.reply(Responses.text(HttpResponseStatus.UNPROCESSABLE_ENTITY,
                    "the fragment's ICE ufrag is not this session's; ICE restart is not supported"));
            return;
        }
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (TrickleFragment.Candidate c : fragment.candidates()) {
            RTCIceCandidate candidate = new RTCIceCandidate(c.candidate(), c.mid(), c.mLineIndex());
            all = all.thenCompose(v -> s.peerConnection().addIceCandidate(candidate));
        }
        if (fragment.endOfCandidates()) {
            all = all.thenCompose(v -> s.peerConnection().addIceCandidate(new RTCIceCandidate("", null, 0)));
        }
        all.whenComplete((v, error) -> x.reply(error == null ? Responses.empty(HttpResponseStatus.NO_CONTENT)
                : Responses.text(HttpResponseStatus.BAD_REQUEST, "candidate rejected: " + error.getMessage())));
    }

    private boolean authorized(Exchange x) {
        if (token.isEmpty()) {
            return true;
        }
        String h = x.headers().get(HttpHeaderNames.AUTHORIZATION);
        return h != null && constantTimeEquals(h.strip(), "Bearer " + token.get());
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static FullHttpResponse methodNotAllowed(String allow) {
        FullHttpResponse r = Responses.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "allowed: " + allow);
        r.headers().set(HttpHeaderNames.ALLOW, allow);
        return r;
    }
}
