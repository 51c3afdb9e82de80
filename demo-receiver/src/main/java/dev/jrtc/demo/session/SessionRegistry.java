package dev.jrtc.demo.session;

import dev.jrtc.common.ParseException;
import dev.jrtc.media.video.DecodePool;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.SdpType;
import dev.jrtc.sdp.SessionDescription;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live sessions: opens one per offer (within {@code --max-sessions}), finds them by id, ends
 * them on request, and reaps those whose connection failed (ICE consent lost: the browser vanished)
 * or never came up. Once a second it samples every session's statistics and tells the tick
 * listeners (the pages' WebSockets).
 */
public final class SessionRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.jrtc.demo.session");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** How long a failed session stays listed (with its report) after its resources are freed. */
    private static final Duration FAILED_LISTED_FOR = Duration.ofSeconds(20);

    private final PeerConnectionSettings settings;
    private final int maxSessions;
    private final Function<Session.Setup, SessionMedia> mediaFactory;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Session> failed = new ConcurrentHashMap<>();
    private final Map<String, SessionStats> stats = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Runnable> tickListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<Session>> openListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private final SecureRandom random = new SecureRandom();
    /** Decoding shares two threads, leaving the network loops their own. */
    private final DecodePool decoders = new DecodePool(2, 8);
    private int reserved;

    /**
     * @param settings how peer connections are set up
     * @param maxSessions the most sessions at once
     * @param mediaFactory makes each session's recording and playback
     */
    public SessionRegistry(PeerConnectionSettings settings, int maxSessions, Function<Session.Setup, SessionMedia> mediaFactory) {
        this.settings = settings;
        this.maxSessions = maxSessions;
        this.mediaFactory = mediaFactory;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-sessions");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Opens a session for a remote offer and applies our answer. The future completes once the
     * answer is set as the local description (candidates then trickle; wait for
     * {@link RTCPeerConnection#gatheringComplete()} to get them all in the description).
     *
     * @throws OfferRejectedException (directly) if the SDP does not parse or has no media
     * @throws SessionLimitException (directly) if the limit is reached
     */
    public CompletableFuture<Session> open(Via via, String offerSdp) {
        SessionDescription parsed = parse(offerSdp);
        // jrtc sends only H.264 video: narrow the offer so that the answer picks it.
        String offer = via.ingest() ? offerSdp : VideoCodecFilter.keepOnly(offerSdp, "H264");
        reserve();
        RTCPeerConnection pc;
        Session session;
        try {
            String id = newId();
            pc = new RTCPeerConnection(settings.configuration());
            SessionMedia media = mediaFactory.apply(new Session.Setup(id, via, pc, parsed));
            session = new Session(id, via, pc, media, decoders);
            sessions.put(id, session);
            stats.put(id, new SessionStats(session));
        } catch (RuntimeException e) {
            release();
            throw e;
        }
        session.onStateChange(state -> {
            if (state == ConnectionState.FAILED) {
                fail(session.id(), "connection failed: " + session.failureExplanation());
            }
        });
        timer.schedule(() -> {
            if (session.endReason().isEmpty() && pc.connectionState() != ConnectionState.CONNECTED
                    && pc.connectionState() != ConnectionState.DISCONNECTED) {
                fail(session.id(), "did not connect within " + CONNECT_TIMEOUT.toSeconds() + " s");
            }
        }, CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("session {} ({}): offer received", session.id(), via.token());
        return pc.setRemoteDescription(new RTCSessionDescription(SdpType.OFFER, offer))
                .thenCompose(v -> pc.createAnswer())
                .thenCompose(pc::setLocalDescription)
                .handle((v, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        end(session.id(), "offer not accepted: " + cause.getMessage());
                        throw new OfferRejectedException(cause.getMessage(), cause);
                    }
                    openListeners.forEach(l -> l.accept(session));
                    return session;
                });
    }

    /** The session with this id, if it is live. */
    public Optional<Session> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** The live sessions, oldest first. */
    public List<Session> list() {
        return sessions.values().stream().sorted((a, b) -> a.started().compareTo(b.started())).toList();
    }

    /**
     * The live sessions and, for a short while after, those that failed (already freed), so that
     * their connection report can still be read; oldest first.
     */
    public List<Session> listWithRecentFailures() {
        return java.util.stream.Stream.concat(sessions.values().stream(), failed.values().stream())
                .sorted((a, b) -> a.started().compareTo(b.started())).toList();
    }

    /** The statistics of a live session. */
    public Optional<SessionStats> stats(String id) {
        return Optional.ofNullable(stats.get(id));
    }

    /** Ends a session and frees everything it holds; false if there was none. */
    public boolean end(String id, String reason) {
        Session s = sessions.remove(id);
        if (s == null) {
            return false;
        }
        stats.remove(id);
        release();
        s.end(reason);
        return true;
    }

    /** Ends a session that failed; it stays listed for {@link #FAILED_LISTED_FOR} with its report. */
    private void fail(String id, String reason) {
        Session s = sessions.get(id);
        if (s != null && end(id, reason)) {
            failed.put(id, s);
            try {
                timer.schedule(() -> failed.remove(id), FAILED_LISTED_FOR.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                failed.remove(id);
            }
        }
    }

    /** Runs {@code listener} after each once-a-second sample. */
    public void onTick(Runnable listener) {
        tickListeners.add(listener);
    }

    /** Stops running {@code listener}. */
    public void removeTickListener(Runnable listener) {
        tickListeners.remove(listener);
    }

    /** Calls {@code listener} with each session whose answer is ready. */
    public void onOpen(Consumer<Session> listener) {
        openListeners.add(listener);
    }

    /** Ends every session. */
    @Override
    public void close() {
        timer.shutdownNow();
        for (String id : List.copyOf(sessions.keySet())) {
            end(id, "server stopping");
        }
        decoders.close();
    }

    private void tick() {
        try {
            for (SessionStats s : stats.values()) {
                s.sample();
            }
            tickListeners.forEach(Runnable::run);
        } catch (RuntimeException e) {
            LOG.warn("statistics tick failed", e);
        }
    }

    private static SessionDescription parse(String sdp) {
        SessionDescription parsed;
        try {
            parsed = SessionDescription.parse(sdp);
        } catch (ParseException e) {
            throw new OfferRejectedException("malformed SDP: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new OfferRejectedException("malformed SDP: " + e, e);
        }
        if (parsed.media().isEmpty()) {
            throw new OfferRejectedException("the offer has no media section", null);
        }
        return parsed;
    }

    private synchronized void reserve() {
        if (reserved >= maxSessions) {
            throw new SessionLimitException(maxSessions);
        }
        reserved++;
    }

    private synchronized void release() {
        reserved--;
    }

    private String newId() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
