package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Engine;
import dev.jrtc.common.Output;
import dev.jrtc.common.ParseException;
import dev.jrtc.dtls.CertificateFingerprint;
import dev.jrtc.ice.IceConnectionState;
import dev.jrtc.ice.IceGatheringState;
import dev.jrtc.ice.IceRole;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.SessionDescription;
import dev.jrtc.sdp.jsep.MediaKind;
import dev.jrtc.srtp.SrtpProfile;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One peer connection, sans-IO: demux and source gate, ICE | DTLS | SRTP on one bundled transport
 * with rtcp-mux, and RTP/RTCP per transceiver, driven by datagrams, time and API commands.
 *
 * <p>Like every jrtc engine: after each input ({@link #handleReceive}, {@link #handleTimeout} or
 * an API method) drain {@link #poll()} until it returns a {@link Deadline}. Outputs are
 * {@link dev.jrtc.common.Transmit}s and {@link EngineEvent}s. When the DTLS handshake thread calls
 * the configured wake-up, drain {@code poll()} again on the owning loop. All methods must be called
 * from one thread. Bad network input is dropped and counted ({@link #stats()}), never thrown; API
 * misuse throws {@link IllegalStateException} or {@link IllegalArgumentException} whose message
 * starts with the W3C error name.
 */
public final class PeerConnectionEngine implements Engine {
    private final EngineConfig config;
    private final Negotiation negotiation = new Negotiation();
    private final RtpDemux demux = new RtpDemux();
    private final OutputQueue out = new OutputQueue();
    private final LocalCandidates localCandidates;
    private final RemoteCandidates remoteCandidates = new RemoteCandidates();
    private final LocalMedia localMedia;
    private final SctpDataChannels data;
    private final NegotiatedSession negotiated;
    private final NegotiationNeeded negotiationNeeded;
    /** Made by the first description, with the ICE role that description implies; null before. */
    private SecureTransport transport;
    /** Drives the layers on {@link #transport}; made with it. */
    private LayerPump layers;
    private long now;
    private long deadline = Long.MAX_VALUE;
    /** The last deadline {@link #poll()} returned (immutable, so it can be handed out again). */
    private Deadline lastDeadline;
    /** {@link #pump()} as the output queue's callback, made once rather than per {@link #poll()}. */
    private final Runnable pumpLayers = this::pump;
    private boolean closed;
    private long earlyDrops;

    /** An engine with no transceivers; nothing happens until the first API call. */
    public PeerConnectionEngine(EngineConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.localMedia = new LocalMedia(config);
        this.localCandidates = new LocalCandidates(negotiation);
        this.data = new SctpDataChannels(config.random());
        this.negotiated = new NegotiatedSession(config, negotiation, demux, data, localMedia.cname(), this::emit);
        this.negotiationNeeded = new NegotiationNeeded(negotiation, data, this::emit);
    }

    // ------------------------------------------------------------------ API commands

    /**
     * Adds a transceiver (W3C {@code addTransceiver}). Its SSRCs are chosen now; it gets a mid in
     * the next offer, or from the remote offer it is matched with.
     */
    public Transceiver addTransceiver(long nowNanos, MediaKind kind, Direction direction) {
        input(nowNanos);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Transceiver t = negotiation.add(kind, direction, localMedia.newTrack(kind));
        negotiationNeeded.check();
        return t;
    }

    /**
     * Changes the direction we ask for (W3C {@code transceiver.direction = ...}); takes effect at the
     * next negotiation, which this may make needed.
     *
     * @throws IllegalStateException ({@code InvalidStateError}) if the transceiver is stopped
     */
    public void setDirection(long nowNanos, Transceiver t, Direction direction) {
        input(nowNanos);
        requireOpen();
        Objects.requireNonNull(direction, "direction");
        if (t.stopped()) {
            throw new IllegalStateException("InvalidStateError: the transceiver is stopped");
        }
        t.setDirection(direction);
        negotiationNeeded.check();
    }

    /**
     * Stops a transceiver (W3C {@code stop()}): it sends and receives nothing from now on, and the next
     * offer or answer rejects its section. Idempotent.
     */
    public void stopTransceiver(long nowNanos, Transceiver t) {
        input(nowNanos);
        requireOpen();
        if (t.stopped()) {
            return;
        }
        t.stop();
        negotiated.end(t);
        negotiationNeeded.check();
    }

    /**
     * Sets the codecs a transceiver offers or answers, in order (W3C {@code setCodecPreferences}),
     * by encoding name ({@code "H264"}, {@code "VP8"}, {@code "opus"}); an empty list restores the
     * default order. Takes effect at the next offer or answer.
     *
     * @throws IllegalArgumentException ({@code InvalidModificationError}) for a codec jrtc cannot carry
     */
    public void setCodecPreferences(long nowNanos, Transceiver t, List<String> codecNames) {
        input(nowNanos);
        for (String name : codecNames) {
            if (!CodecSupport.supportsName(name)) {
                throw new IllegalArgumentException("InvalidModificationError: codec " + name + " is not one of "
                        + CodecSupport.NAMES);
            }
        }
        t.setCodecPreferences(codecNames);
    }

    /**
     * Asks for an ICE restart (W3C {@code restartIce()}): the next offer carries new ICE
     * credentials. Media keeps flowing on the current pair until the new one is selected.
     */
    public void restartIce(long nowNanos) {
        input(nowNanos);
        requireOpen();
        if (transport != null) {
            negotiationNeeded.requestIceRestart(transport.ice().localCredentials().ufrag());
        }
        negotiationNeeded.check();
    }

    /**
     * Rolls back the pending offer, ours or the peer's (RFC 9429 section 4.1.10.2). Transceivers
     * the peer's offer created are removed. An ICE restart the peer's offer started is not undone.
     *
     * @throws IllegalStateException ({@code InvalidStateError}) in the stable state
     */
    public void rollback(long nowNanos) {
        input(nowNanos);
        requireOpen();
        negotiation.rollback();
        emitSignaling();
        negotiationNeeded.newRound();
    }

    /** Writes an offer for the current transceivers; this side becomes the controlling ICE agent. */
    public SessionDescription createOffer(long nowNanos) {
        input(nowNanos);
        requireOpen();
        ensureTransport(IceRole.CONTROLLING);
        if (negotiationNeeded.restartPending(transport.ice().localCredentials().ufrag())) {
            transport.ice().restart(now);
        }
        return negotiation.createOffer(localMedia.capabilities(transport.ice().localCredentials()), data.wanted());
    }

    /** Writes the answer to the applied remote offer. */
    public SessionDescription createAnswer(long nowNanos) {
        input(nowNanos);
        requireOpen();
        ensureTransport(IceRole.CONTROLLED);
        return negotiation.createAnswer(localMedia.capabilities(transport.ice().localCredentials()));
    }

    /** Applies our own offer or answer; the first one starts candidate gathering. */
    public void setLocalDescription(long nowNanos, SdpType type, SessionDescription description) {
        input(nowNanos);
        requireOpen();
        if (type == SdpType.ROLLBACK) {
            rollback(now);
            return;
        }
        Objects.requireNonNull(description, "description");
        ensureTransport(type == SdpType.OFFER ? IceRole.CONTROLLING : IceRole.CONTROLLED);
        negotiation.setLocal(type, description);
        transport.startGathering(now);
        String ufrag = transport.ice().localCredentials().ufrag();
        negotiationNeeded.localApplied(ufrag);
        emitSignaling();
        localCandidates.localApplied(ufrag, out::add); // already recorded: bypass emit
        if (type == SdpType.ANSWER) {
            negotiated.apply(now, transport);
            negotiationNeeded.newRound();
        }
    }

    /** Applies the peer's offer or answer: its ICE credentials and candidates, then the media. */
    public void setRemoteDescription(long nowNanos, SdpType type, SessionDescription description) {
        input(nowNanos);
        requireOpen();
        if (type == SdpType.ROLLBACK) {
            rollback(now);
            return;
        }
        Objects.requireNonNull(description, "description");
        RemoteTransport remote = RemoteTransport.of(description);
        ensureTransport(type == SdpType.OFFER ? IceRole.CONTROLLED : IceRole.CONTROLLING);
        negotiation.setRemote(type, description);
        if (type == SdpType.OFFER) {
            for (MediaDescription m : negotiation.unassociated(description)) {
                MediaKind kind = MediaKind.of(m.kind()).orElseThrow();
                Transceiver t = negotiation.add(kind, Direction.RECVONLY, localMedia.newTrack(kind));
                t.assignMid(m.mid().orElseThrow());
                t.markCreatedByRemoteOffer();
            }
        }
        remoteCandidates.apply(now, transport.ice(), remote);
        emitSignaling();
        if (type == SdpType.ANSWER) {
            negotiated.apply(now, transport);
            negotiationNeeded.newRound();
        }
    }

    /**
     * A trickled remote candidate ({@code candidate:...}, with or without {@code a=}).
     *
     * @throws IllegalStateException if no remote description is applied yet
     * @throws IllegalArgumentException if the candidate does not parse
     */
    public void addRemoteCandidate(long nowNanos, String candidate) {
        input(nowNanos);
        requireOpen();
        if (negotiation.remote().isEmpty()) {
            throw new IllegalStateException("InvalidStateError: addIceCandidate before setRemoteDescription");
        }
        dev.jrtc.ice.Candidate c;
        try {
            c = dev.jrtc.ice.Candidate.parse(candidate);
        } catch (ParseException e) {
            throw new IllegalArgumentException("OperationError: bad candidate: " + e.getMessage(), e);
        }
        remoteCandidates.add(now, transport.ice(), c);
    }

    /** The peer signalled end-of-candidates. */
    public void endOfRemoteCandidates(long nowNanos) {
        input(nowNanos);
        requireOpen();
        if (transport != null) {
            transport.ice().endOfRemoteCandidates(now);
        }
    }

    /**
     * Sends one encoded frame on a transceiver.
     *
     * @return false if the secure transport is not up yet (the frame is not queued)
     * @throws IllegalArgumentException if no negotiated transceiver sends on {@code mid}
     */
    public boolean sendFrame(long nowNanos, String mid, byte[] frame, long rtpTimestamp) {
        input(nowNanos);
        requireOpen();
        MediaSession s = negotiation.byMid(mid).map(Transceiver::session)
                .filter(MediaSession::sends)
                .orElseThrow(() -> new IllegalArgumentException("InvalidStateError: no negotiated sending transceiver with mid " + mid));
        if (transport.srtpProfile().isEmpty()) {
            return false;
        }
        s.sendFrame(now, frame, rtpTimestamp);
        return true;
    }

    /**
     * Creates a data channel (W3C {@code createDataChannel}). It opens once a data section is
     * negotiated and SCTP is up; until the DTLS role is known it has no id unless pre-negotiated.
     *
     * @throws IllegalArgumentException ({@code TypeError}/{@code OperationError}) on a bad init or a taken id
     */
    public EngineDataChannel createDataChannel(long nowNanos, dev.jrtc.sctp.DataChannelInit init) {
        input(nowNanos);
        requireOpen();
        Objects.requireNonNull(init, "init");
        EngineDataChannel ch = data.create(now, init);
        negotiationNeeded.check();
        return ch;
    }

    /**
     * Sends a string on a data channel.
     *
     * @throws IllegalStateException ({@code InvalidStateError}) unless the channel is open
     * @throws IllegalArgumentException ({@code TypeError}) if larger than the peer accepts
     */
    public void sendData(long nowNanos, EngineDataChannel channel, String text) {
        input(nowNanos);
        requireOpen();
        try {
            data.send(now, channel, text);
        } catch (dev.jrtc.sctp.MessageTooLargeException e) {
            throw new IllegalArgumentException("TypeError: " + e.getMessage(), e);
        }
    }

    /** Sends {@code buf[off, off + len)} as binary on a data channel; the bytes are copied. Errors as {@link #sendData(long, EngineDataChannel, String)}. */
    public void sendData(long nowNanos, EngineDataChannel channel, byte[] buf, int off, int len) {
        input(nowNanos);
        requireOpen();
        try {
            data.send(now, channel, buf, off, len, true);
        } catch (dev.jrtc.sctp.MessageTooLargeException e) {
            throw new IllegalArgumentException("TypeError: " + e.getMessage(), e);
        }
    }

    /** Sets a channel's buffered-amount-low threshold. */
    public void setBufferedAmountLowThreshold(long nowNanos, EngineDataChannel channel, long threshold) {
        input(nowNanos);
        channel.setBufferedAmountLowThreshold(threshold);
    }

    /** Starts closing a data channel (its stream is reset after queued data). Idempotent. */
    public void closeDataChannel(long nowNanos, EngineDataChannel channel) {
        input(nowNanos);
        if (closed) {
            return;
        }
        data.close(now, channel, this::emit);
    }

    /** The SCTP association, once a data section is negotiated (diagnostics and tests). */
    public Optional<dev.jrtc.sctp.SctpAssociation> sctp() {
        return Optional.ofNullable(data.association());
    }

    /** Asks the peer for a key frame on a receiving transceiver (PLI). */
    public void requestKeyFrame(long nowNanos, String mid) {
        input(nowNanos);
        negotiation.byMid(mid).map(Transceiver::session).ifPresent(s -> s.requestKeyFrame(now));
    }

    /** Closes DTLS (close_notify) and ICE; the engine then ignores input. Idempotent. */
    public void close(long nowNanos) {
        input(nowNanos);
        if (closed) {
            return;
        }
        data.transportEnded(now, this::emit); // ABORT goes out while DTLS still carries it
        if (transport != null) {
            transport.close(now, this::emit);
        }
        closed = true;
        negotiation.close();
        emit(new EngineEvent.SignalingStateChanged(SignalingState.CLOSED));
        if (transport == null) {
            emit(new EngineEvent.ConnectionStateChanged(ConnectionState.CLOSED));
        }
    }

    // ------------------------------------------------------------------ state

    /** The signaling state. */
    public SignalingState signalingState() {
        return negotiation.state();
    }

    /** The connection state (ICE and DTLS together). */
    public ConnectionState connectionState() {
        if (closed) {
            return ConnectionState.CLOSED;
        }
        return transport == null ? ConnectionState.NEW : transport.state();
    }

    /** The ICE connection state. */
    public IceConnectionState iceConnectionState() {
        if (closed) {
            return IceConnectionState.CLOSED;
        }
        return transport == null ? IceConnectionState.NEW : transport.iceState();
    }

    /** The ICE gathering state. */
    public IceGatheringState iceGatheringState() {
        return transport == null ? IceGatheringState.NEW : transport.gatheringState();
    }

    /** The transceivers, in the order they were added or created. */
    public List<Transceiver> transceivers() {
        return List.copyOf(negotiation.transceivers());
    }

    /** The applied local description with the candidates gathered so far (and end-of-candidates once complete). */
    public Optional<SessionDescription> localDescription() {
        return negotiation.local().map(localCandidates::addTo);
    }

    /** The applied remote description. */
    public Optional<SessionDescription> remoteDescription() {
        return negotiation.remote();
    }

    /** The negotiated SRTP profile, once DTLS has exported keys. */
    public Optional<SrtpProfile> srtpProfile() {
        return transport == null ? Optional.empty() : transport.srtpProfile();
    }

    /** Why the connection failed, once it has. */
    public Optional<String> failureExplanation() {
        return transport == null ? Optional.empty() : transport.failure();
    }

    /** Our DTLS certificate's fingerprint as written in our descriptions. */
    public CertificateFingerprint fingerprint() {
        return config.certificate().fingerprint();
    }

    /** A snapshot of the counters. */
    public EngineStats stats() {
        return EngineStatsSnapshots.of(transport, demux, data.association());
    }

    /**
     * The W3C stats objects ({@code getStats()}): transport, certificates, candidates and pairs,
     * codecs, inbound-rtp, outbound-rtp, remote-inbound-rtp and data-channel.
     */
    public RTCStatsReport getStats(long nowNanos) {
        input(nowNanos);
        return StatsCollector.collect(config.wallClock().epochNanos() / 1e6, now, config.certificate().fingerprint(),
                transport, demux.sessions(), data.channels());
    }

    /**
     * Why the connection failed or is disconnected (ICE diagnosis, DTLS, SRTP and codec causes);
     * empty while it is fine. Also present when a media section negotiated no common codec.
     */
    public Optional<ConnectionReport> connectionReport() {
        ConnectionState state = closed && transport != null ? transport.state() : connectionState();
        return ConnectionReports.of(state, transport, negotiated.codecFailures());
    }

    // ------------------------------------------------------------------ Engine

    @Override
    public void handleReceive(long nowNanos, InetSocketAddress remote, InetSocketAddress local, byte[] buf, int offset,
            int length) {
        input(nowNanos);
        if (closed) {
            return;
        }
        if (transport == null || buf == null || offset < 0 || length <= 0 || offset + length > buf.length) {
            // Before any description there is no ICE agent to validate the source: drop and count.
            earlyDrops++;
            return;
        }
        transport.receive(now, remote, local, buf, offset, length);
    }

    @Override
    public void setInputBacklog(boolean more) {
        data.setInputBacklog(more);
    }

    /** The DTLS engine's own counters, once DTLS is configured (for tests in this package). */
    Optional<dev.jrtc.dtls.DtlsStats> dtlsStats() {
        return transport == null ? Optional.empty() : transport.dtls().map(dev.jrtc.dtls.DtlsEngine::stats);
    }

    /** Datagrams that arrived before there was a transport at all. */
    public long droppedBeforeTransport() {
        return earlyDrops;
    }

    @Override
    public void handleTimeout(long nowNanos) {
        advance(nowNanos);
        if (closed || transport == null) {
            return;
        }
        layers.handleTimeout(now);
    }

    @Override
    public Output poll() {
        Output o = out.next(pumpLayers);
        if (o != null) {
            return o;
        }
        if (closed || deadline == Long.MAX_VALUE) {
            return Deadline.NEVER;
        }
        long at = Math.max(deadline, now);
        if (lastDeadline == null || lastDeadline.atNanos() != at) {
            lastDeadline = new Deadline(at); // polled after every datagram, and mostly unchanged: kept
        }
        return lastDeadline;
    }

    private void pump() {
        if (transport == null) {
            deadline = Long.MAX_VALUE;
        } else if (closed) {
            transport.pump(now, this::emit); // flushes close_notify; poll() gives a closed engine no deadline
        } else {
            deadline = layers.pump(now);
        }
    }

    // ------------------------------------------------------------------ internals

    private void emit(Output o) {
        if (o instanceof EngineEvent.LocalCandidate c) {
            o = localCandidates.gathered(c, transport.ice().localCredentials().ufrag());
        } else if (o instanceof EngineEvent.GatheringComplete) {
            localCandidates.gatheringComplete();
        }
        out.add(o);
        if (o instanceof EngineEvent.ConnectionStateChanged c
                && (c.state() == ConnectionState.CLOSED || c.state() == ConnectionState.FAILED)) {
            data.transportEnded(now, this::emit);
        }
    }

    private void emitSignaling() {
        emit(new EngineEvent.SignalingStateChanged(negotiation.state()));
    }

    /**
     * A datagram or an API call: time moves on, and the layers' deadlines recorded at the last pump may
     * no longer hold until the next one (a timeout before that reaches every layer).
     */
    private void input(long nowNanos) {
        advance(nowNanos);
        if (layers != null) {
            layers.inputArrived();
        }
    }

    private void advance(long nowNanos) {
        if (nowNanos > now) {
            now = nowNanos;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("InvalidStateError: the peer connection is closed");
        }
    }

    private void ensureTransport(IceRole role) {
        if (transport == null) {
            transport = new SecureTransport(config.ice(), role, config.random(), config.hostAddresses(),
                    config.dtlsRandom(), config.handshakeExecutor(), config.wakeup(), demux, data);
            layers = new LayerPump(transport, demux, data, this::emit);
        }
    }
}
