package dev.jrtc.peerconnection.api;

import dev.jrtc.common.Output;
import dev.jrtc.common.ParseException;
import dev.jrtc.common.RandomSource;
import dev.jrtc.dtls.DtlsCertificate;
import dev.jrtc.dtls.DtlsKeyType;
import dev.jrtc.ice.IceConnectionState;
import dev.jrtc.ice.IceGatheringState;
import dev.jrtc.peerconnection.engine.ConnectionReport;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.EngineConfig;
import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.peerconnection.engine.EngineStats;
import dev.jrtc.peerconnection.engine.EngineDataChannel;
import dev.jrtc.peerconnection.engine.PeerConnectionEngine;
import dev.jrtc.peerconnection.engine.RTCStatsReport;
import dev.jrtc.peerconnection.engine.SdpType;
import dev.jrtc.peerconnection.engine.SignalingState;
import dev.jrtc.peerconnection.engine.Transceiver;
import dev.jrtc.peerconnection.netty.ConnectionLoop;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.SessionDescription;
import dev.jrtc.sdp.jsep.MediaKind;
import dev.jrtc.srtp.SrtpProfile;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A WebRTC peer connection shaped like the W3C {@code RTCPeerConnection}: offer/answer (explicit,
 * implicit {@link #setLocalDescription()}, rollback) with renegotiation in both directions and
 * {@link #onnegotiationneeded}, trickle ICE and {@link #restartIce()}, transceivers with senders and
 * receivers, remote tracks that yield encoded and decoded frames, W3C {@link #getStats()}, a
 * {@link #connectionReport()} when something failed, state-change callbacks, and {@link #close()}.
 *
 * <p>Each connection lives on one Netty event loop, shared with other connections (by default the
 * process-wide {@link dev.jrtc.peerconnection.netty.EdgeThreads#shared()} loops, one per core; see
 * {@link RTCConfiguration#withEventLoopGroup}); every call is marshalled onto it, and the
 * asynchronous ones return {@link CompletableFuture}s that fail with {@link IllegalStateException}
 * or {@link IllegalArgumentException} (message starting with the W3C error name) on misuse.
 * Callbacks run on the loop (or {@link RTCConfiguration#callbackExecutor()}) and must not block.
 * Data channels ({@link #createDataChannel}, {@link #ondatachannel}) run over SCTP on the same DTLS transport.
 */
public final class RTCPeerConnection implements AutoCloseable {
    private final ConnectionLoop loop;
    private final PeerConnectionEngine engine;
    private final Executor callbacks;
    private final List<RTCRtpTransceiver> transceivers = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> gatheringComplete = new CompletableFuture<>();

    private volatile Consumer<RTCTrackEvent> ontrack = e -> { };
    private volatile Consumer<RTCIceCandidate> onicecandidate = c -> { };
    private volatile Consumer<IceConnectionState> oniceconnectionstatechange = s -> { };
    private volatile Consumer<ConnectionState> onconnectionstatechange = s -> { };
    private volatile Consumer<SignalingState> onsignalingstatechange = s -> { };
    private volatile Consumer<IceGatheringState> onicegatheringstatechange = s -> { };
    private volatile Consumer<RTCDataChannel> ondatachannel = c -> { };
    private volatile Runnable onnegotiationneeded = () -> { };
    private volatile Consumer<RTCPeerConnectionIceErrorEvent> onicecandidateerror = e -> { };
    /** Loop-confined: the API object of each engine channel. */
    private final java.util.Map<EngineDataChannel, RTCDataChannel> channels = new java.util.IdentityHashMap<>();

    private volatile SignalingState signalingState = SignalingState.STABLE;
    private volatile ConnectionState connectionState = ConnectionState.NEW;
    private volatile IceConnectionState iceConnectionState = IceConnectionState.NEW;
    private volatile IceGatheringState iceGatheringState = IceGatheringState.NEW;
    private volatile RTCSessionDescription localDescription;
    private volatile RTCSessionDescription remoteDescription;
    private volatile SrtpProfile srtpProfile;
    private volatile String failure;
    private volatile ConnectionReport report;
    private volatile boolean closing;

    /**
     * Binds the configured UDP addresses and starts the connection's loop.
     *
     * @throws IllegalStateException if a socket cannot be bound
     */
    public RTCPeerConnection(RTCConfiguration configuration) {
        Objects.requireNonNull(configuration, "configuration");
        this.loop = new ConnectionLoop(configuration.bindAddresses(), configuration.effectiveThreads(),
                configuration.receiveProbe());
        SecureRandom secure = new SecureRandom();
        DtlsCertificate certificate = DtlsCertificate.generate(DtlsKeyType.ECDSA_P256, secure, System.currentTimeMillis());
        this.engine = new PeerConnectionEngine(new EngineConfig(RandomSource.secure(secure), secure,
                () -> System.currentTimeMillis() * 1_000_000L, certificate, configuration.ice(), loop.localAddresses(),
                loop.handshakeExecutor(), loop.wakeup()));
        Executor direct = Runnable::run;
        this.callbacks = configuration.callbackExecutor() == null ? direct : configuration.callbackExecutor();
        loop.attach(engine, this::onEvent);
        if (configuration.ice().publishMdns()) {
            loop.listenForMdns(); // peers resolving our .local names must reach our responder
        }
    }

    ConnectionLoop loop() {
        return loop;
    }

    PeerConnectionEngine engine() {
        return engine;
    }

    // ------------------------------------------------------------------ offer/answer

    /** Creates an offer for the current transceivers. */
    public CompletableFuture<RTCSessionDescription> createOffer() {
        return loop.call(now -> new RTCSessionDescription(SdpType.OFFER, afterCommand(engine.createOffer(now)).toSdpString()));
    }

    /** Creates the answer to the applied remote offer. */
    public CompletableFuture<RTCSessionDescription> createAnswer() {
        return loop.call(now -> new RTCSessionDescription(SdpType.ANSWER, afterCommand(engine.createAnswer(now)).toSdpString()));
    }

    /**
     * Applies our offer or answer; the first one starts gathering candidates. A description of type
     * {@link SdpType#ROLLBACK} (any SDP text) undoes our pending offer.
     */
    public CompletableFuture<Void> setLocalDescription(RTCSessionDescription description) {
        Objects.requireNonNull(description, "description");
        return loop.call(now -> {
            SessionDescription d = description.type() == SdpType.ROLLBACK ? null : parse(description.sdp());
            engine.setLocalDescription(now, description.type(), d);
            if (d != null) {
                localType = description.type();
            }
            afterCommand(null);
            return null;
        });
    }

    /**
     * The implicit {@code setLocalDescription()} (RFC 9429 section 5.4): creates and applies an answer
     * in {@code have-remote-offer}, otherwise an offer. Read it from {@link #localDescription()}.
     */
    public CompletableFuture<Void> setLocalDescription() {
        return loop.call(now -> {
            SdpType type = engine.signalingState() == SignalingState.HAVE_REMOTE_OFFER ? SdpType.ANSWER : SdpType.OFFER;
            SessionDescription d = type == SdpType.ANSWER ? engine.createAnswer(now) : engine.createOffer(now);
            engine.setLocalDescription(now, type, d);
            localType = type;
            afterCommand(null);
            return null;
        });
    }

    /**
     * Applies the peer's offer or answer. A description of type {@link SdpType#ROLLBACK} undoes the
     * peer's pending offer (transceivers it created go away).
     */
    public CompletableFuture<Void> setRemoteDescription(RTCSessionDescription description) {
        Objects.requireNonNull(description, "description");
        return loop.call(now -> {
            SessionDescription d = description.type() == SdpType.ROLLBACK ? null : parse(description.sdp());
            engine.setRemoteDescription(now, description.type(), d);
            if (d != null) {
                remoteType = description.type();
            }
            afterCommand(null);
            return null;
        });
    }

    /**
     * Asks for an ICE restart (W3C {@code restartIce()}): {@code onnegotiationneeded} fires and the next
     * offer carries new ICE credentials; media keeps flowing on the old path until the new one is chosen.
     */
    public void restartIce() {
        run(engine::restartIce);
    }

    /** Adds a transceiver with {@code track} attached to its sender (W3C {@code addTransceiver(track, init)}). */
    public RTCRtpTransceiver addTransceiver(LocalMediaTrack track, RTCRtpTransceiverInit init) {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(init, "init");
        RTCRtpTransceiver t = addTransceiver(track.kind(), init);
        t.sender().setTrack(track);
        return t;
    }

    /**
     * Sends {@code track} (W3C {@code addTrack}): reuses a transceiver of its kind that has never sent
     * and has no track, else adds a {@code sendrecv} one. {@code onnegotiationneeded} follows.
     */
    public RTCRtpSender addTrack(LocalMediaTrack track) {
        Objects.requireNonNull(track, "track");
        for (RTCRtpTransceiver t : transceivers) {
            if (t.kind() == track.kind() && !t.stopped() && t.sender().track().isEmpty() && !t.direction().sends()
                    && t.currentDirection().filter(Direction::sends).isEmpty()) {
                t.setDirection(t.direction().receives() ? Direction.SENDRECV : Direction.SENDONLY);
                t.sender().setTrack(track);
                return t.sender();
            }
        }
        return addTransceiver(track, new RTCRtpTransceiverInit(Direction.SENDRECV)).sender();
    }

    /**
     * Stops sending on {@code sender} (W3C {@code removeTrack}): its transceiver no longer sends
     * ({@code sendrecv} becomes {@code recvonly}, {@code sendonly} becomes {@code inactive}) once renegotiated.
     */
    public void removeTrack(RTCRtpSender sender) {
        Objects.requireNonNull(sender, "sender");
        RTCRtpTransceiver t = sender.transceiver();
        sender.setTrack(null);
        if (!t.stopped() && t.direction().sends()) {
            t.setDirection(t.direction().receives() ? Direction.RECVONLY : Direction.INACTIVE);
        }
    }

    /** The senders of all transceivers that are not stopped (W3C {@code getSenders}). */
    public List<RTCRtpSender> getSenders() {
        return transceivers.stream().filter(t -> !t.stopped()).map(RTCRtpTransceiver::sender).toList();
    }

    /** The receivers of all transceivers that are not stopped (W3C {@code getReceivers}). */
    public List<RTCRtpReceiver> getReceivers() {
        return transceivers.stream().filter(t -> !t.stopped()).map(RTCRtpTransceiver::receiver).toList();
    }

    /** Adds a trickled remote candidate; an empty candidate means end-of-candidates. */
    public CompletableFuture<Void> addIceCandidate(RTCIceCandidate candidate) {
        Objects.requireNonNull(candidate, "candidate");
        return loop.call(now -> {
            if (candidate.isEndOfCandidates()) {
                engine.endOfRemoteCandidates(now);
            } else {
                engine.addRemoteCandidate(now, candidate.candidate());
            }
            return null;
        });
    }

    /** Adds a transceiver (synchronous, as in the W3C API). */
    public RTCRtpTransceiver addTransceiver(MediaKind kind, RTCRtpTransceiverInit init) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(init, "init");
        return loop.call(now -> {
            Transceiver t = engine.addTransceiver(now, kind, init.direction());
            afterCommand(null);
            return wrap(t);
        }).join();
    }

    /** Creates a reliable, ordered data channel (W3C {@code createDataChannel(label)}). */
    public RTCDataChannel createDataChannel(String label) {
        return createDataChannel(label, RTCDataChannelInit.defaults());
    }

    /**
     * Creates a data channel (synchronous, as in the W3C API). The first one makes the next offer
     * carry a data section; it opens once SCTP is up ({@code onopen}).
     *
     * @throws IllegalArgumentException ({@code TypeError}) on a bad init, ({@code OperationError}) on a taken id
     * @throws IllegalStateException ({@code InvalidStateError}) if the connection is closed
     */
    public RTCDataChannel createDataChannel(String label, RTCDataChannelInit init) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(init, "init");
        dev.jrtc.sctp.DataChannelInit core;
        try {
            core = new dev.jrtc.sctp.DataChannelInit(label, init.protocol(), init.ordered(), init.maxRetransmits(),
                    init.maxPacketLifeTime(), init.negotiated(), init.id());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TypeError: " + e.getMessage(), e);
        }
        try {
            return loop.call(now -> {
                EngineDataChannel ch = engine.createDataChannel(now, core);
                RTCDataChannel w = new RTCDataChannel(this, ch);
                channels.put(ch, w);
                return w;
            }).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The transceivers, in the order they were added or created by a remote offer. */
    public List<RTCRtpTransceiver> getTransceivers() {
        return List.copyOf(transceivers);
    }

    /** Completes when candidate gathering has finished (the local description then holds every candidate). */
    public CompletableFuture<Void> gatheringComplete() {
        return gatheringComplete;
    }

    /**
     * The W3C stats (webrtc-stats), read on the loop: {@code transport} (dtlsState, srtpCipher,
     * tlsVersion, selectedCandidatePairId), {@code certificate}, {@code local-candidate},
     * {@code remote-candidate}, {@code candidate-pair} (currentRoundTripTime, bytesSent,
     * bytesReceived, state, nominated), {@code codec}, {@code inbound-rtp}, {@code outbound-rtp},
     * {@code remote-inbound-rtp} (roundTripTime) and {@code data-channel}, under their standard
     * member names. Fails with {@code InvalidStateError} once the connection is closed.
     */
    public CompletableFuture<RTCStatsReport> getStats() {
        return loop.call(now -> engine.getStats(now)).thenApply(decoding::addTo);
    }

    /**
     * jrtc's own counters, read on the loop: source-gate, ICE, DTLS and SRTP drops and per-transceiver
     * NACK/RTX/PLI figures (what the W3C stats have no member for).
     */
    public CompletableFuture<EngineStats> engineStats() {
        return loop.call(now -> engine.stats());
    }

    /**
     * Why the connection failed or is disconnected: the ICE diagnosis (what was tried, which
     * servers failed), DTLS (fingerprint mismatch, handshake timeout, alerts), SRTP authentication
     * failures and media sections without a common codec, as a paragraph and as data. Empty while
     * the connection is fine. After {@link #close()} the last report made before closing.
     */
    public Optional<ConnectionReport> connectionReport() {
        if (!loop.inLoop() && !closing) {
            try {
                return loop.call(now -> {
                    report = engine.connectionReport().orElse(null);
                    return Optional.ofNullable(report);
                }).get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return Optional.ofNullable(report);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.ofNullable(report);
            }
        }
        if (loop.inLoop()) {
            report = engine.connectionReport().orElse(null);
        }
        return Optional.ofNullable(report);
    }

    // ------------------------------------------------------------------ state

    /** The applied local description with the candidates gathered so far. */
    public Optional<RTCSessionDescription> localDescription() {
        return Optional.ofNullable(localDescription);
    }

    /** The applied remote description. */
    public Optional<RTCSessionDescription> remoteDescription() {
        return Optional.ofNullable(remoteDescription);
    }

    /** The signaling state. */
    public SignalingState signalingState() {
        return signalingState;
    }

    /** The connection state. */
    public ConnectionState connectionState() {
        return connectionState;
    }

    /** The ICE connection state. */
    public IceConnectionState iceConnectionState() {
        return iceConnectionState;
    }

    /** The ICE gathering state. */
    public IceGatheringState iceGatheringState() {
        return iceGatheringState;
    }

    /** The SRTP profile DTLS negotiated, once connected. */
    public Optional<SrtpProfile> srtpProfile() {
        return Optional.ofNullable(srtpProfile);
    }

    /** Why the connection failed, if it did. */
    public Optional<String> failureReason() {
        return Optional.ofNullable(failure);
    }

    // ------------------------------------------------------------------ callbacks

    /** Sets the handler of remote tracks. */
    public void ontrack(Consumer<RTCTrackEvent> handler) {
        ontrack = orNoop(handler);
    }

    /** Sets the handler of local candidates; {@code null} is passed once gathering completes. */
    public void onicecandidate(Consumer<RTCIceCandidate> handler) {
        onicecandidate = orNoop(handler);
    }

    /** Sets the handler of ICE connection state changes. */
    public void oniceconnectionstatechange(Consumer<IceConnectionState> handler) {
        oniceconnectionstatechange = orNoop(handler);
    }

    /** Sets the handler of connection state changes. */
    public void onconnectionstatechange(Consumer<ConnectionState> handler) {
        onconnectionstatechange = orNoop(handler);
    }

    /** Sets the handler of signaling state changes. */
    public void onsignalingstatechange(Consumer<SignalingState> handler) {
        onsignalingstatechange = orNoop(handler);
    }

    /** Sets the handler of data channels the peer opens (W3C {@code datachannel}); {@code open} follows. */
    public void ondatachannel(Consumer<RTCDataChannel> handler) {
        ondatachannel = orNoop(handler);
    }

    /**
     * Sets the handler of {@code negotiationneeded}: the transceivers, a first data channel or an ICE
     * restart need a new offer. It fires in the stable state, once per change.
     */
    public void onnegotiationneeded(Runnable handler) {
        onnegotiationneeded = handler == null ? () -> { } : handler;
    }

    /** Sets the handler of {@code icecandidateerror}: a STUN or TURN server failed, with the W3C error code. */
    public void onicecandidateerror(Consumer<RTCPeerConnectionIceErrorEvent> handler) {
        onicecandidateerror = orNoop(handler);
    }

    /** Sets the handler of gathering state changes. */
    public void onicegatheringstatechange(Consumer<IceGatheringState> handler) {
        onicegatheringstatechange = orNoop(handler);
    }

    /**
     * Closes the connection: DTLS close_notify, ICE stops, its sockets close and its timer is
     * cancelled (the shared loops and handshake threads stay for other connections). Idempotent.
     */
    @Override
    public void close() {
        if (!closing && !loop.inLoop()) {
            connectionReport(); // keep the last report readable after close
        }
        closing = true;
        loop.close();
        decoding.close();
        signalingState = SignalingState.CLOSED;
        connectionState = ConnectionState.CLOSED;
        iceConnectionState = IceConnectionState.CLOSED;
    }

    // ------------------------------------------------------------------ internals (on the loop)

    /** Runs an engine command on the loop and waits for it; API misuse is rethrown as is. */
    void run(java.util.function.LongConsumer command) {
        try {
            loop.call(now -> {
                command.accept(now);
                afterCommand(null);
                return null;
            }).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static <T> Consumer<T> orNoop(Consumer<T> handler) {
        return handler == null ? x -> { } : handler;
    }

    private static SessionDescription parse(String sdp) {
        try {
            return SessionDescription.parse(sdp);
        } catch (ParseException e) {
            throw new IllegalArgumentException("OperationError: the SDP does not parse: " + e.getMessage(), e);
        }
    }

    private <T> T afterCommand(T result) {
        List<Transceiver> current = engine.transceivers();
        transceivers.removeIf(w -> current.stream().noneMatch(t -> t == w.engineSide())); // rolled back
        for (Transceiver t : current) {
            if (transceivers.stream().noneMatch(w -> w.engineSide() == t)) {
                transceivers.add(new RTCRtpTransceiver(this, t));
            }
        }
        transceivers.forEach(RTCRtpTransceiver::refresh);
        channels.values().forEach(RTCDataChannel::refresh);
        signalingState = engine.signalingState();
        snapshotDescriptions();
        return result;
    }

    private RTCRtpTransceiver wrap(Transceiver t) {
        return transceivers.stream().filter(w -> w.engineSide() == t).findFirst().orElseThrow();
    }

    private void snapshotDescriptions() {
        localDescription = engine.localDescription()
                .map(d -> new RTCSessionDescription(localType, d.toSdpString())).orElse(null);
        remoteDescription = engine.remoteDescription()
                .map(d -> new RTCSessionDescription(remoteType, d.toSdpString())).orElse(null);
    }

    /** Loop-confined: the types of the applied descriptions. */
    private SdpType localType = SdpType.OFFER;
    private SdpType remoteType = SdpType.OFFER;

    private void onEvent(Output.Event e) {
        if (e instanceof EngineEvent.LocalCandidate c) {
            snapshotDescriptions();
            RTCIceCandidate candidate = new RTCIceCandidate(c.candidate(), c.mid(), 0);
            callback(() -> onicecandidate.accept(candidate));
        } else if (e instanceof EngineEvent.GatheringComplete) {
            snapshotDescriptions();
            iceGatheringState = IceGatheringState.COMPLETE;
            callback(() -> onicegatheringstatechange.accept(IceGatheringState.COMPLETE));
            callback(() -> onicecandidate.accept(null));
            gatheringComplete.complete(null);
        } else if (e instanceof EngineEvent.IceStateChanged s) {
            iceConnectionState = s.state();
            callback(() -> oniceconnectionstatechange.accept(s.state()));
        } else if (e instanceof EngineEvent.ConnectionStateChanged s) {
            connectionState = s.state();
            if (s.state() == ConnectionState.FAILED || s.state() == ConnectionState.DISCONNECTED) {
                report = engine.connectionReport().orElse(null);
            }
            callback(() -> onconnectionstatechange.accept(s.state()));
        } else if (e instanceof EngineEvent.SignalingStateChanged s) {
            signalingState = s.state();
            if (iceGatheringState == IceGatheringState.NEW && engine.iceGatheringState() != IceGatheringState.NEW) {
                iceGatheringState = engine.iceGatheringState();
                IceGatheringState g = iceGatheringState;
                callback(() -> onicegatheringstatechange.accept(g));
            }
            callback(() -> onsignalingstatechange.accept(s.state()));
        } else if (e instanceof EngineEvent.SecureTransportReady r) {
            srtpProfile = r.profile();
        } else if (e instanceof EngineEvent.TrackAdded t) {
            afterCommand(null);
            transceivers.stream().filter(w -> w.hasMid(t.mid())).findFirst().ifPresent(w -> {
                RemoteTrack track = new RemoteTrack(t.mid(), t.kind(), t.codec(), decoding);
                tracks.put(t.mid(), track);
                w.receiver().setTrack(track);
                callback(() -> ontrack.accept(new RTCTrackEvent(track, w)));
            });
        } else if (e instanceof EngineEvent.FrameReceived f) {
            RemoteTrack track = tracks.get(f.mid());
            if (track != null) {
                callback(() -> track.deliver(f.frame()));
            }
        } else if (e instanceof EngineEvent.KeyFrameRequested k) {
            transceivers.stream().filter(w -> w.hasMid(k.mid())).findFirst()
                    .ifPresent(w -> callback(w::keyFrameRequested));
        } else if (e instanceof EngineEvent.DataChannelIncoming d) {
            RTCDataChannel w = new RTCDataChannel(this, d.channel());
            channels.put(d.channel(), w);
            callback(() -> ondatachannel.accept(w));
            callback(w::fireOpen);
        } else if (e instanceof EngineEvent.DataChannelOpen d) {
            RTCDataChannel w = channel(d.channel());
            callback(w::fireOpen);
        } else if (e instanceof EngineEvent.DataChannelMessage m) {
            RTCDataChannel w = channel(m.channel());
            RTCDataChannelMessage msg = new RTCDataChannelMessage(m.binary(), m.data());
            callback(() -> w.fireMessage(msg));
        } else if (e instanceof EngineEvent.DataChannelBufferedAmountLow b) {
            RTCDataChannel w = channel(b.channel());
            callback(w::fireBufferedAmountLow);
        } else if (e instanceof EngineEvent.DataChannelClosing c) {
            RTCDataChannel w = channel(c.channel());
            callback(w::fireClosing);
        } else if (e instanceof EngineEvent.DataChannelClosed c) {
            RTCDataChannel w = channel(c.channel());
            channels.remove(c.channel());
            callback(w::fireClose);
        } else if (e instanceof EngineEvent.TrackEnded t) {
            RemoteTrack track = tracks.remove(t.mid());
            if (track != null) {
                callback(track::end);
            }
        } else if (e instanceof EngineEvent.NegotiationNeeded) {
            callback(() -> onnegotiationneeded.run());
        } else if (e instanceof EngineEvent.IceCandidateError err) {
            RTCPeerConnectionIceErrorEvent ev = new RTCPeerConnectionIceErrorEvent(err.address(),
                    err.port() < 0 ? null : err.port(), err.url(), err.errorCode(), err.errorText());
            callback(() -> onicecandidateerror.accept(ev));
        } else if (e instanceof EngineEvent.Failed f) {
            failure = f.reason();
            report = engine.connectionReport().orElse(null);
            connectionState = ConnectionState.FAILED;
            callback(() -> onconnectionstatechange.accept(ConnectionState.FAILED));
        }
    }

    /** On the loop: the API object of an engine channel, its state refreshed. */
    private RTCDataChannel channel(EngineDataChannel ch) {
        RTCDataChannel w = channels.computeIfAbsent(ch, c -> new RTCDataChannel(this, c));
        w.refresh();
        return w;
    }

    private final java.util.Map<String, RemoteTrack> tracks = new java.util.concurrent.ConcurrentHashMap<>();
    private final TrackDecoding decoding = new TrackDecoding(this::requestKeyFrame);

    /** A decoder needs a key frame: PLI on the transceiver with this mid. */
    private void requestKeyFrame(String mid) {
        loop.call(now -> {
            engine.requestKeyFrame(now, mid);
            return null;
        });
    }

    private void callback(Runnable r) {
        callbacks.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException ex) {
                org.slf4j.LoggerFactory.getLogger(RTCPeerConnection.class).warn("callback threw; ignored", ex);
            }
        });
    }
}
