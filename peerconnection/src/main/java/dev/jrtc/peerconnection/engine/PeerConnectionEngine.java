package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Engine;
import dev.jrtc.common.Output;
import dev.jrtc.common.ParseException;
import dev.jrtc.dtls.CertificateFingerprint;
import dev.jrtc.dtls.DtlsConfig;
import dev.jrtc.dtls.DtlsRole;
import dev.jrtc.ice.IceConnectionState;
import dev.jrtc.ice.IceGatheringState;
import dev.jrtc.ice.IceRole;
import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.send.SendConfig;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.ExtMap;
import dev.jrtc.sdp.Fingerprint;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.RtpCodec;
import dev.jrtc.sdp.SessionDescription;
import dev.jrtc.sdp.Setup;
import dev.jrtc.sdp.jsep.LocalCapabilities;
import dev.jrtc.sdp.jsep.LocalTrack;
import dev.jrtc.sdp.jsep.MediaKind;
import dev.jrtc.srtp.SrtpProfile;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
    private final ArrayDeque<Output> out = new ArrayDeque<>();
    private final List<String> localCandidates = new ArrayList<>();
    private final String cname;
    private final MediaSession.PacketSink sink = new MediaSession.PacketSink() {
        @Override
        public boolean sendRtp(long now, byte[] packet) {
            return transport != null && transport.sendRtp(now, packet);
        }

        @Override
        public boolean sendRtcp(long now, byte[] packet) {
            return transport != null && transport.sendRtcp(now, packet);
        }
    };
    private final SctpDataChannels data;
    private SecureTransport transport;
    private boolean gatheringComplete;
    private long now;
    private long deadline = Long.MAX_VALUE;
    private boolean draining;
    private boolean closed;
    private long earlyDrops;
    private final List<ConnectionReport.Codec> codecFailures = new ArrayList<>();
    /** Trickled candidates of an ICE generation whose description has not been applied yet (bounded). */
    private final List<dev.jrtc.ice.Candidate> heldCandidates = new ArrayList<>();
    private String remoteUfrag;
    private String signalledUfrag;
    private String restartRequestedAt;
    private boolean negotiationNeededAnnounced;
    /** One per transport, created at the first negotiation that enables transport-wide CC. */
    private dev.jrtc.rtp.send.TransportSequencer twccSequencer;
    /** Transport-wide CC as the current answer negotiated it, or null. */
    private TransportWideCc twcc;

    /** An engine with no transceivers; nothing happens until the first API call. */
    public PeerConnectionEngine(EngineConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        byte[] c = new byte[8];
        config.random().nextBytes(c);
        this.cname = HexFormat.of().formatHex(c);
        this.data = new SctpDataChannels(config.random());
    }

    // ------------------------------------------------------------------ API commands

    /**
     * Adds a transceiver (W3C {@code addTransceiver}). Its SSRCs are chosen now; it gets a mid in
     * the next offer, or from the remote offer it is matched with.
     */
    public Transceiver addTransceiver(long nowNanos, MediaKind kind, Direction direction) {
        advance(nowNanos);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Transceiver t = negotiation.add(kind, direction, newTrack(kind));
        checkNegotiationNeeded();
        return t;
    }

    /**
     * Changes the direction we ask for (W3C {@code transceiver.direction = ...}); takes effect at the
     * next negotiation, which this may make needed.
     *
     * @throws IllegalStateException ({@code InvalidStateError}) if the transceiver is stopped
     */
    public void setDirection(long nowNanos, Transceiver t, Direction direction) {
        advance(nowNanos);
        requireOpen();
        Objects.requireNonNull(direction, "direction");
        if (t.stopped()) {
            throw new IllegalStateException("InvalidStateError: the transceiver is stopped");
        }
        t.setDirection(direction);
        checkNegotiationNeeded();
    }

    /**
     * Stops a transceiver (W3C {@code stop()}): it sends and receives nothing from now on, and the next
     * offer or answer rejects its section. Idempotent.
     */
    public void stopTransceiver(long nowNanos, Transceiver t) {
        advance(nowNanos);
        requireOpen();
        if (t.stopped()) {
            return;
        }
        t.stop();
        endSession(t);
        checkNegotiationNeeded();
    }

    /**
     * Sets the codecs a transceiver offers or answers, in order (W3C {@code setCodecPreferences}),
     * by encoding name ({@code "H264"}, {@code "VP8"}, {@code "opus"}); an empty list restores the
     * default order. Takes effect at the next offer or answer.
     *
     * @throws IllegalArgumentException ({@code InvalidModificationError}) for a codec jrtc cannot carry
     */
    public void setCodecPreferences(long nowNanos, Transceiver t, List<String> codecNames) {
        advance(nowNanos);
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
        advance(nowNanos);
        requireOpen();
        if (transport != null) {
            restartRequestedAt = transport.ice().localCredentials().ufrag();
        }
        checkNegotiationNeeded();
    }

    /**
     * Rolls back the pending offer, ours or the peer's (RFC 9429 section 4.1.10.2). Transceivers
     * the peer's offer created are removed. An ICE restart the peer's offer started is not undone.
     *
     * @throws IllegalStateException ({@code InvalidStateError}) in the stable state
     */
    public void rollback(long nowNanos) {
        advance(nowNanos);
        requireOpen();
        negotiation.rollback();
        emitSignaling();
        negotiationNeededAnnounced = false;
        checkNegotiationNeeded();
    }

    /** Writes an offer for the current transceivers; this side becomes the controlling ICE agent. */
    public SessionDescription createOffer(long nowNanos) {
        advance(nowNanos);
        requireOpen();
        ensureTransport(IceRole.CONTROLLING);
        if (restartRequestedAt != null && restartRequestedAt.equals(transport.ice().localCredentials().ufrag())) {
            transport.ice().restart(now);
        }
        return negotiation.createOffer(capabilities(), data.wanted());
    }

    /** Writes the answer to the applied remote offer. */
    public SessionDescription createAnswer(long nowNanos) {
        advance(nowNanos);
        requireOpen();
        ensureTransport(IceRole.CONTROLLED);
        return negotiation.createAnswer(capabilities());
    }

    /** Applies our own offer or answer; the first one starts candidate gathering. */
    public void setLocalDescription(long nowNanos, SdpType type, SessionDescription description) {
        advance(nowNanos);
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
        if (restartRequestedAt != null && !restartRequestedAt.equals(ufrag)) {
            restartRequestedAt = null;
        }
        emitSignaling();
        if (signalledUfrag != null && !signalledUfrag.equals(ufrag)) {
            resignalCandidates(ufrag);
        }
        signalledUfrag = ufrag;
        if (type == SdpType.ANSWER) {
            applyNegotiated();
            negotiationNeededAnnounced = false;
            checkNegotiationNeeded();
        }
    }

    /** After an ICE restart the same candidates are signalled again, for the new credentials. */
    private void resignalCandidates(String ufrag) {
        String mid = bundleTag();
        for (String c : localCandidates) {
            out.add(new EngineEvent.LocalCandidate(withUfrag(c, ufrag), mid));
        }
        if (gatheringComplete) {
            out.add(new EngineEvent.GatheringComplete());
        }
    }

    private static String withUfrag(String candidate, String ufrag) {
        return candidate.contains(" ufrag ") ? candidate : candidate + " ufrag " + ufrag;
    }

    /** Applies the peer's offer or answer: its ICE credentials and candidates, then the media. */
    public void setRemoteDescription(long nowNanos, SdpType type, SessionDescription description) {
        advance(nowNanos);
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
                Transceiver t = negotiation.add(kind, Direction.RECVONLY, newTrack(kind));
                t.assignMid(m.mid().orElseThrow());
                t.markCreatedByRemoteOffer();
            }
        }
        transport.ice().setRemoteCredentials(now, new dev.jrtc.ice.IceCredentials(remote.ufrag(), remote.pwd()));
        remoteUfrag = remote.ufrag();
        for (String c : remote.candidates()) {
            addCandidateQuietly(c);
        }
        for (dev.jrtc.ice.Candidate c : heldCandidates) {
            if (remoteUfrag.equals(c.extensions().get("ufrag"))) {
                transport.ice().addRemoteCandidate(now, c);
            }
        }
        heldCandidates.clear();
        if (remote.endOfCandidates()) {
            transport.ice().endOfRemoteCandidates(now);
        }
        emitSignaling();
        if (type == SdpType.ANSWER) {
            applyNegotiated();
            negotiationNeededAnnounced = false;
            checkNegotiationNeeded();
        }
    }

    /**
     * A trickled remote candidate ({@code candidate:...}, with or without {@code a=}).
     *
     * @throws IllegalStateException if no remote description is applied yet
     * @throws IllegalArgumentException if the candidate does not parse
     */
    public void addRemoteCandidate(long nowNanos, String candidate) {
        advance(nowNanos);
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
        String ufrag = c.extensions().get("ufrag");
        if (ufrag != null && remoteUfrag != null && !ufrag.equals(remoteUfrag)) {
            // A candidate of the peer's next ICE generation that beat its description here: keep it till then.
            if (heldCandidates.size() < 100) {
                heldCandidates.add(c);
            }
            return;
        }
        transport.ice().addRemoteCandidate(now, c);
    }

    /** The peer signalled end-of-candidates. */
    public void endOfRemoteCandidates(long nowNanos) {
        advance(nowNanos);
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
        advance(nowNanos);
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
        advance(nowNanos);
        requireOpen();
        Objects.requireNonNull(init, "init");
        EngineDataChannel ch = data.create(now, init);
        checkNegotiationNeeded();
        return ch;
    }

    /**
     * Sends a string on a data channel.
     *
     * @throws IllegalStateException ({@code InvalidStateError}) unless the channel is open
     * @throws IllegalArgumentException ({@code TypeError}) if larger than the peer accepts
     */
    public void sendData(long nowNanos, EngineDataChannel channel, String text) {
        advance(nowNanos);
        requireOpen();
        try {
            data.send(now, channel, text);
        } catch (dev.jrtc.sctp.MessageTooLargeException e) {
            throw new IllegalArgumentException("TypeError: " + e.getMessage(), e);
        }
    }

    /** Sends {@code buf[off, off + len)} as binary on a data channel; the bytes are copied. Errors as {@link #sendData(long, EngineDataChannel, String)}. */
    public void sendData(long nowNanos, EngineDataChannel channel, byte[] buf, int off, int len) {
        advance(nowNanos);
        requireOpen();
        try {
            data.send(now, channel, buf, off, len, true);
        } catch (dev.jrtc.sctp.MessageTooLargeException e) {
            throw new IllegalArgumentException("TypeError: " + e.getMessage(), e);
        }
    }

    /** Sets a channel's buffered-amount-low threshold. */
    public void setBufferedAmountLowThreshold(long nowNanos, EngineDataChannel channel, long threshold) {
        advance(nowNanos);
        channel.setBufferedAmountLowThreshold(threshold);
    }

    /** Starts closing a data channel (its stream is reset after queued data). Idempotent. */
    public void closeDataChannel(long nowNanos, EngineDataChannel channel) {
        advance(nowNanos);
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
        advance(nowNanos);
        negotiation.byMid(mid).map(Transceiver::session).ifPresent(s -> s.requestKeyFrame(now));
    }

    /** Closes DTLS (close_notify) and ICE; the engine then ignores input. Idempotent. */
    public void close(long nowNanos) {
        advance(nowNanos);
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
        return negotiation.local().map(d -> LocalDescriptions.withCandidates(d, localCandidates, gatheringComplete));
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
        List<MediaStats> media = new ArrayList<>();
        for (MediaSession s : demux.sessions()) {
            media.add(s.stats());
        }
        if (transport == null) {
            return new EngineStats(0, 0, 0, 0, 0, 0, demux.unroutable(), 0, 0, 0, 0, media, demux.drops(),
                    demux.knownSsrcs());
        }
        TransportCounters c = transport.counters();
        long dtlsDropped = transport.dtls().map(d -> d.stats().drops().values().stream().mapToLong(Long::longValue).sum())
                .orElse(0L);
        return new EngineStats(transport.gate().dropped(), transport.gate().admitted(), transport.ice().droppedPackets(),
                dtlsDropped, c.srtpDropped, c.srtpBeforeKeys + c.dtlsBeforeNegotiation + c.unknown,
                demux.unroutable(), c.rtpSent, c.rtpReceived, c.rtcpSent, c.rtcpReceived, media, demux.drops(),
                demux.knownSsrcs());
    }

    /**
     * The W3C stats objects ({@code getStats()}): transport, certificates, candidates and pairs,
     * codecs, inbound-rtp, outbound-rtp, remote-inbound-rtp and data-channel.
     */
    public RTCStatsReport getStats(long nowNanos) {
        advance(nowNanos);
        return StatsCollector.collect(config.wallClock().epochNanos() / 1e6, now, config.certificate().fingerprint(),
                transport, demux.sessions(), data.channels());
    }

    /**
     * Why the connection failed or is disconnected (ICE diagnosis, DTLS, SRTP and codec causes);
     * empty while it is fine. Also present when a media section negotiated no common codec.
     */
    public Optional<ConnectionReport> connectionReport() {
        ConnectionState state = closed && transport != null ? transport.state() : connectionState();
        return ConnectionReports.of(state, transport, codecFailures);
    }

    // ------------------------------------------------------------------ Engine

    @Override
    public void handleReceive(long nowNanos, InetSocketAddress remote, InetSocketAddress local, byte[] buf, int offset,
            int length) {
        advance(nowNanos);
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
        transport.handleTimeout(now);
        data.handleTimeout(now);
        for (MediaSession s : demux.sessions()) {
            s.handleTimeout(now);
        }
    }

    @Override
    public Output poll() {
        if (draining) {
            throw new IllegalStateException("poll() re-entered");
        }
        Output o = out.poll();
        if (o != null) {
            return o;
        }
        draining = true;
        try {
            pump();
        } finally {
            draining = false;
        }
        o = out.poll();
        if (o != null) {
            return o;
        }
        return closed || deadline == Long.MAX_VALUE ? Deadline.NEVER : new Deadline(Math.max(deadline, now));
    }

    private void pump() {
        if (transport == null) {
            deadline = Long.MAX_VALUE;
            return;
        }
        long d;
        int rounds = 0;
        do {
            d = transport.pump(now, this::emit);
            if (closed) {
                break;
            }
            for (MediaSession s : demux.sessions()) {
                d = Math.min(d, s.drain(now, sink, this::emit));
            }
            // SCTP packets become DTLS records; DTLS records received may feed SCTP again.
            d = Math.min(d, data.pump(now, this::emit));
            d = Math.min(d, transport.pump(now, this::emit));
        } while (data.dirty() && ++rounds < 64);
        if (data.dirty()) {
            d = now; // more to do: come straight back
        }
        deadline = d;
    }

    // ------------------------------------------------------------------ internals

    private void emit(Output o) {
        if (o instanceof EngineEvent.LocalCandidate c) {
            localCandidates.add(c.candidate());
            o = new EngineEvent.LocalCandidate(withUfrag(c.candidate(), transport.ice().localCredentials().ufrag()),
                    bundleTag());
        } else if (o instanceof EngineEvent.GatheringComplete) {
            gatheringComplete = true;
        }
        out.add(o);
        if (o instanceof EngineEvent.ConnectionStateChanged c
                && (c.state() == ConnectionState.CLOSED || c.state() == ConnectionState.FAILED)) {
            data.transportEnded(now, this::emit);
        }
    }

    private String bundleTag() {
        return negotiation.local().flatMap(d -> d.media().stream().filter(m -> !m.isRejected()).findFirst())
                .flatMap(MediaDescription::mid).orElse("0");
    }

    private void emitSignaling() {
        emit(new EngineEvent.SignalingStateChanged(negotiation.state()));
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
                    config.dtlsRandom(), config.handshakeExecutor(), config.wakeup(), new SecureTransport.MediaSink() {
                        @Override
                        public void onRtp(long t, byte[] buf, int off, int len) {
                            demux.onRtp(t, buf, off, len);
                        }

                        @Override
                        public void onRtcp(long t, byte[] buf, int off, int len) {
                            demux.onRtcp(t, buf, off, len);
                        }
                    }, data);
        }
    }

    private void addCandidateQuietly(String candidate) {
        try {
            transport.ice().addRemoteCandidate(now, dev.jrtc.ice.Candidate.parse(candidate));
        } catch (ParseException | IllegalArgumentException e) {
            // A candidate we cannot use in a description is ignored, as browsers do.
        }
    }

    private LocalCapabilities capabilities() {
        dev.jrtc.ice.IceCredentials ice = transport.ice().localCredentials();
        Fingerprint fp = Fingerprint.of("sha-256", config.certificate().fingerprint().digest());
        LocalCapabilities caps = LocalCapabilities.defaults(new dev.jrtc.sdp.IceCredentials(ice.ufrag(), ice.password()),
                List.of(fp));
        for (MediaKind kind : List.of(MediaKind.AUDIO, MediaKind.VIDEO)) {
            List<RtpCodec> supported = caps.codecs(kind).stream().filter(CodecSupport::supports).toList();
            List<RtpCodec> withRtx = new ArrayList<>(supported);
            for (RtpCodec c : caps.codecs(kind)) {
                if (c.isRtx() && supported.stream().anyMatch(s -> s.payloadType() == c.associatedPayloadType().orElse(-1))) {
                    withRtx.add(c);
                }
            }
            caps = caps.withCodecs(kind, withRtx);
        }
        return caps.withDataChannel(Optional.of(new dev.jrtc.sdp.jsep.DataChannelCapability(5000,
                SctpDataChannels.LOCAL_MAX_MESSAGE_SIZE))).withCname(cname);
    }

    private LocalTrack newTrack(MediaKind kind) {
        byte[] id = new byte[6];
        config.random().nextBytes(id);
        String hex = HexFormat.of().formatHex(id);
        return LocalTrack.of(kind, "jrtc-" + hex, kind.token() + "-" + hex).withSsrcs(newSsrc(), newSsrc());
    }

    private long newSsrc() {
        long s;
        do {
            s = config.random().nextLong() & 0xFFFF_FFFFL;
        } while (s == 0);
        return s;
    }

    /** Both descriptions are applied: configure DTLS and each transceiver's media. */
    private void applyNegotiated() {
        SessionDescription local = negotiation.local().orElseThrow();
        SessionDescription remote = negotiation.remote().orElseThrow();
        // The transport's parameters come from the first section both sides kept (a rejected one has no a=setup).
        Optional<MediaDescription> tag = local.media().stream().filter(m -> !m.isRejected())
                .filter(m -> m.mid().flatMap(remote::mediaByMid).filter(r -> !r.isRejected()).isPresent()).findFirst()
                .or(() -> local.media().stream().filter(m -> !m.isRejected()).findFirst());
        if (tag.isEmpty()) {
            return;
        }
        MediaDescription remoteTag = tag.get().mid().flatMap(remote::mediaByMid).orElse(remote.media().get(0));
        String localSetup = local.setupOf(tag.get()).map(Setup::token).orElse("actpass");
        String remoteSetup = remote.setupOf(remoteTag).map(Setup::token).orElse("actpass");
        DtlsRole role = DtlsRole.fromSetup(localSetup, remoteSetup);
        List<CertificateFingerprint> fingerprints = RemoteTransport.fingerprints(remote, remoteTag);
        configureData(local, remote, role);
        transport.configureDtls(now, DtlsConfig.of(role, config.certificate(), fingerprints));

        SessionDescription answer = negotiation.answer();
        Map<Integer, String> ext = new HashMap<>();
        answer.mediaByMid(tag.get().mid().orElse("")).ifPresent(m -> {
            for (ExtMap e : m.attributes().extMaps()) {
                ext.putIfAbsent(e.id(), e.uri());
            }
        });
        ExtensionMap bundleExtensions;
        try {
            bundleExtensions = new ExtensionMap(ext);
        } catch (IllegalArgumentException e) {
            bundleExtensions = ExtensionMap.empty();
        }
        demux.setExtensions(bundleExtensions);
        twcc = transportWideCc(ext, bundleExtensions, answer);
        for (Transceiver t : negotiation.transceivers()) {
            if (t.mid().isEmpty()) {
                continue;
            }
            Optional<MediaDescription> a = answer.mediaByMid(t.mid().get());
            if (a.isEmpty() || a.get().isRejected()) {
                endSession(t);
                if (!t.stopped()) {
                    noteCodecFailure(t, remote);
                }
                continue;
            }
            MediaSession s = t.session();
            if (s != null) {
                Direction ours = negotiation.ourDirection(a.get());
                if (ours.sends() == s.sends() && ours.receives() == s.receives()) {
                    t.negotiated(ours, s); // renegotiated without change for this section
                    continue;
                }
                endSession(t); // the direction changed: its streams are remade below
            }
            configureMedia(t, a.get(), remote);
        }
    }

    /** Transport-wide CC when the bundle negotiated its extension, sharing the transport's one sequencer. */
    private TransportWideCc transportWideCc(Map<Integer, String> ext, ExtensionMap bundleExtensions,
            SessionDescription answer) {
        long receivingWithTwcc = answer.media().stream()
                .filter(m -> !m.isRejected() && negotiation.ourDirection(m).receives() && hasTwcc(m)).count();
        for (Map.Entry<Integer, String> e : ext.entrySet()) {
            if (LocalCapabilities.EXT_TRANSPORT_WIDE_CC.equals(e.getValue()) && e.getKey() >= 1 && e.getKey() <= 255) {
                if (twccSequencer == null) {
                    twccSequencer = new dev.jrtc.rtp.send.TransportSequencer(config.random().nextInt(65536));
                }
                return new TransportWideCc(twccSequencer, e.getKey(), bundleExtensions, receivingWithTwcc == 1);
            }
        }
        return null;
    }

    private static boolean hasTwcc(MediaDescription m) {
        return m.attributes().extMaps().stream().anyMatch(e -> LocalCapabilities.EXT_TRANSPORT_WIDE_CC.equals(e.uri()));
    }

    /** Stops a transceiver's media: no more routing, and its remote track (if any) ends. */
    private void endSession(Transceiver t) {
        MediaSession s = t.session();
        if (s == null) {
            return;
        }
        demux.remove(s);
        t.negotiated(Direction.INACTIVE, null);
        if (s.receives()) {
            emit(new EngineEvent.TrackEnded(s.mid()));
        }
    }

    /** Fires {@code negotiationneeded} once per round, in the stable state, when the peer must hear of a change. */
    private void checkNegotiationNeeded() {
        if (closed || negotiation.state() != SignalingState.STABLE) {
            return;
        }
        boolean needed = negotiationNeeded();
        if (needed && !negotiationNeededAnnounced) {
            negotiationNeededAnnounced = true;
            emit(new EngineEvent.NegotiationNeeded());
        } else if (!needed) {
            negotiationNeededAnnounced = false;
        }
    }

    private boolean negotiationNeeded() {
        if (restartRequestedAt != null) {
            return true;
        }
        if (data.wanted() && negotiation.dataMid().isEmpty()) {
            return true;
        }
        Optional<SessionDescription> local = negotiation.local();
        for (Transceiver t : negotiation.transceivers()) {
            if (t.mid().isEmpty()) {
                if (!t.stopped()) {
                    return true;
                }
                continue;
            }
            Optional<MediaDescription> section = local.flatMap(d -> d.mediaByMid(t.mid().get()));
            if (section.isEmpty()) {
                return true;
            }
            if (section.get().isRejected()) {
                continue;
            }
            if (t.stopped()) {
                return true;
            }
            Direction signalled = local.get().directionOf(section.get());
            // After answering, our section may hold less than we asked; only what we would send more or less counts.
            boolean differs = negotiation.weOffered() ? signalled != t.direction()
                    : signalled.sends() != t.direction().sends();
            if (differs) {
                return true;
            }
        }
        return false;
    }

    /** A section that carries no media: record it for the report when the reason is that no codec is shared. */
    private void noteCodecFailure(Transceiver t, SessionDescription remote) {
        String mid = t.mid().orElseThrow();
        Optional<MediaDescription> theirs = remote.mediaByMid(mid);
        List<String> offered = theirs.map(m -> m.codecs().stream().filter(c -> !c.isRtx()).map(RtpCodec::name)
                .distinct().toList()).orElse(List.of());
        if (offered.stream().anyMatch(CodecSupport::supportsName)
                || codecFailures.stream().anyMatch(c -> c.mid().equals(mid))) {
            return; // rejected for another reason (the peer stopped it), or already noted
        }
        codecFailures.add(new ConnectionReport.Codec(mid, t.kind().token(), offered, CodecSupport.NAMES));
    }

    /** A data section in the answer: make the SCTP association with the peer's port and max-message-size. */
    private void configureData(SessionDescription local, SessionDescription remote, DtlsRole role) {
        Optional<String> mid = negotiation.dataMid();
        if (mid.isEmpty() || data.configured()) {
            return;
        }
        Optional<MediaDescription> ours = local.mediaByMid(mid.get()).filter(m -> !m.isRejected());
        Optional<MediaDescription> theirs = remote.mediaByMid(mid.get()).filter(m -> !m.isRejected());
        if (ours.isEmpty() || theirs.isEmpty() || !theirs.get().kind().equals(MediaKind.APPLICATION.token())) {
            return;
        }
        int localPort = sctpPort(ours.get());
        int remotePort = sctpPort(theirs.get());
        long remoteMax;
        try {
            // RFC 8841 §6: no a=max-message-size means 64 KiB; 0 means no limit.
            remoteMax = theirs.get().attributes().maxMessageSize().orElse(65_536);
        } catch (NumberFormatException e) {
            remoteMax = 65_536;
        }
        data.configure(now, role, localPort, remotePort, Math.max(0, remoteMax));
    }

    private static int sctpPort(MediaDescription m) {
        try {
            return m.attributes().sctpPort().orElseGet(() -> {
                // The legacy form (DTLS/SCTP 5000 with a=sctpmap) names the port as the format.
                try {
                    return Integer.parseInt(m.mediaLine().formats().get(0));
                } catch (RuntimeException e) {
                    return 5000;
                }
            });
        } catch (NumberFormatException e) {
            return 5000;
        }
    }

    private void configureMedia(Transceiver t, MediaDescription answerSection, SessionDescription remote) {
        Direction ours = negotiation.ourDirection(answerSection);
        List<RtpCodec> codecs = answerSection.codecs();
        Optional<RtpCodec> primary = CodecSupport.primary(codecs);
        if (primary.isEmpty()) {
            t.negotiated(ours, null);
            noteCodecFailure(t, remote);
            return;
        }
        RtpCodec codec = primary.get();
        int rtxPt = CodecSupport.rtxFor(codecs, codec).orElse(-1);
        SendConfig send = null;
        if (ours.sends()) {
            send = new SendConfig(t.localSsrc(), codec.payloadType(), codec.clockRate(),
                    CodecSupport.packetizer(codec, config.random()::nextInt), 1200, config.random().nextInt(65536),
                    -1, -1, 1024, 1_000_000_000L, cname);
            if (rtxPt >= 0 && t.track().rtxSsrc().isPresent()) {
                send = send.withRtx(t.track().rtxSsrc().getAsLong(), rtxPt);
            }
        }
        boolean sectionHasTwcc = hasTwcc(answerSection);
        MediaSession session = new MediaSession(t.mid().get(), t.kind(), codec, config.wallClock(), send, ours.receives() ? codec : null,
                rtxPt, t.localSsrc(), cname, sectionHasTwcc ? twcc : null);
        if (ours.receives()) {
            RemoteTransport.remoteSsrcs(remote.mediaByMid(t.mid().get()))
                    .ifPresent(s -> session.bindRemote(s[0], s[1]));
        }
        t.negotiated(ours, session);
        demux.add(session);
        if (ours.receives()) {
            emit(new EngineEvent.TrackAdded(t.mid().get(), t.kind(), codec.name()));
        }
    }
}
