package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.PacketKind;
import dev.jrtc.common.RandomSource;
import dev.jrtc.common.Transmit;
import dev.jrtc.dtls.BouncyCastleDtlsEngine;
import dev.jrtc.dtls.DtlsConfig;
import dev.jrtc.dtls.DtlsEngine;
import dev.jrtc.dtls.DtlsEvent;
import dev.jrtc.dtls.DtlsFailure;
import dev.jrtc.dtls.DtlsState;
import dev.jrtc.ice.Candidate;
import dev.jrtc.ice.IceAgent;
import dev.jrtc.ice.IceConfig;
import dev.jrtc.ice.IceConnectionState;
import dev.jrtc.ice.IceEvent;
import dev.jrtc.ice.IceGatheringState;
import dev.jrtc.ice.IceRole;
import dev.jrtc.srtp.SrtpConfig;
import dev.jrtc.srtp.SrtpProfile;
import dev.jrtc.srtp.SrtpSession;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The transport of one BUNDLE group: ICE, then DTLS, then SRTP, all on one 5-tuple with rtcp-mux.
 * Datagrams are demultiplexed by their first byte (RFC 7983); STUN goes to ICE, everything else
 * must first pass the {@link SourceGate}. Decrypted RTP and RTCP go up to a {@link MediaSink};
 * plain RTP and RTCP come down through {@link #sendRtp} and {@link #sendRtcp}.
 */
final class SecureTransport {

    /** Where decrypted media goes. The arrays are borrowed for the call. */
    interface MediaSink {
        void onRtp(long nowNanos, byte[] buf, int off, int len);

        void onRtcp(long nowNanos, byte[] buf, int off, int len);
    }

    private static final int SCRATCH = 65_536;

    private final IceAgent ice;
    private final SourceGate gate;
    private final MediaSink media;
    private final DataChannelTransport data;
    private final SecureRandom dtlsRandom;
    private final Executor handshakeExecutor;
    private final Runnable wakeup;
    private final List<InetSocketAddress> hosts;
    /** Where SRTP works in place: grown on demand up to {@link #SCRATCH}, so an idle connection holds none. */
    private byte[] scratch = new byte[0];
    private final TransportCounters counters = new TransportCounters();
    /** DTLS from a source that checked us but is not validated yet (see {@link EarlyDatagramHold}). */
    private final EarlyDatagramHold earlyDtls = new EarlyDatagramHold(8, 2_000_000_000L);
    /** SRTP/SRTCP that overtook the handshake thread's keys. */
    private final EarlyDatagramHold earlySrtp = new EarlyDatagramHold(64, 2_000_000_000L);

    private DtlsEngine dtls;
    private SrtpSession srtp;
    private InetSocketAddress selectedLocal;
    private InetSocketAddress selectedRemote;
    private IceConnectionState iceState = IceConnectionState.NEW;
    private ConnectionState state = ConnectionState.NEW;
    private String failure;
    private DtlsFailure dtlsFailure;
    private DtlsEvent.Connected dtlsConnected;
    private DtlsEvent.PeerCertificate peerCertificate;
    private boolean gatheringStarted;
    private boolean closed;

    SecureTransport(IceConfig iceConfig, IceRole role, RandomSource random, List<InetSocketAddress> hosts,
            SecureRandom dtlsRandom, Executor handshakeExecutor, Runnable wakeup, MediaSink media,
            DataChannelTransport data) {
        this.ice = new IceAgent(iceConfig.toBuilder().role(role).build(), random);
        this.hosts = List.copyOf(hosts);
        for (InetSocketAddress h : this.hosts) {
            ice.addHostAddress(h);
        }
        this.gate = new SourceGate(ice::isValidatedRemote);
        this.media = media;
        this.data = data;
        this.dtlsRandom = dtlsRandom;
        this.handshakeExecutor = handshakeExecutor;
        this.wakeup = wakeup;
    }

    IceAgent ice() {
        return ice;
    }

    SourceGate gate() {
        return gate;
    }

    TransportCounters counters() {
        return counters;
    }

    ConnectionState state() {
        return state;
    }

    IceConnectionState iceState() {
        return iceState;
    }

    IceGatheringState gatheringState() {
        return ice.gatheringState();
    }

    Optional<SrtpProfile> srtpProfile() {
        return Optional.ofNullable(srtp).map(SrtpSession::profile);
    }

    Optional<DtlsEngine> dtls() {
        return Optional.ofNullable(dtls);
    }

    /** Why DTLS failed, if it did. */
    Optional<DtlsFailure> dtlsFailure() {
        return Optional.ofNullable(dtlsFailure);
    }

    /** The completed handshake's parameters, once DTLS is connected. */
    Optional<DtlsEvent.Connected> dtlsConnected() {
        return Optional.ofNullable(dtlsConnected);
    }

    /** The peer's certificate, once the handshake checked it. */
    Optional<DtlsEvent.PeerCertificate> peerCertificate() {
        return Optional.ofNullable(peerCertificate);
    }

    Optional<String> failure() {
        return Optional.ofNullable(failure).or(ice::failureExplanation);
    }

    /** Starts gathering once (W3C: on the first setLocalDescription). */
    void startGathering(long now) {
        if (!gatheringStarted && !closed) {
            gatheringStarted = true;
            ice.startGathering(now);
        }
    }

    /** Applies the negotiated DTLS parameters; the handshake starts once ICE has a pair. */
    void configureDtls(long now, DtlsConfig config) {
        if (dtls != null || closed) {
            return;
        }
        dtls = BouncyCastleDtlsEngine.create(config, dtlsRandom, handshakeExecutor, wakeup);
        if (selectedRemote != null) {
            dtls.start(now, selectedLocal, selectedRemote);
        }
    }

    /** A datagram arrived; it is borrowed. Bad input is dropped and counted, never thrown. */
    void receive(long now, InetSocketAddress remote, InetSocketAddress local, byte[] buf, int off, int len) {
        if (closed) {
            return;
        }
        PacketKind kind = PacketKind.classify(buf, off, len);
        if (kind == PacketKind.STUN || kind == PacketKind.TURN_CHANNEL) {
            // ICE also takes our TURN server's ChannelData and Data indications; it hands back what the
            // peer sent to our relayed candidate as IceEvent.DataReceived.
            ice.handleReceive(now, remote, local, buf, off, len);
            releaseEarlyDtls(now); // a check that just succeeded may have validated a held sender
            return;
        }
        if (kind == PacketKind.DTLS && !ice.isValidatedRemote(remote) && checkedUs(remote)
                && earlyDtls.hold(now, remote, local, buf, off, len)) {
            return;
        }
        if (!gate.admit(remote)) {
            return;
        }
        ice.handleDataReceived(now, remote); // data on the selected pair keeps ICE out of "disconnected"
        counters.packetsReceived++;
        counters.bytesReceived += len;
        switch (kind) {
            case DTLS -> receiveDtls(now, remote, local, buf, off, len);
            case RTP, RTCP -> {
                if (srtp == null && dtls != null && dtls.state() != DtlsState.CLOSED
                        && earlySrtp.hold(now, remote, local, buf, off, len)) {
                    return; // released when the keys arrive
                }
                receiveSrtp(now, buf, off, len, kind == PacketKind.RTCP);
            }
            default -> counters.unknown++;
        }
    }

    /** Whether {@code remote} has sent us an authenticated ICE check (then its early DTLS is held, not dropped). */
    private boolean checkedUs(InetSocketAddress remote) {
        for (dev.jrtc.ice.PairStatistics p : ice.pairStatistics()) {
            if (p.requestsReceived() > 0 && p.remote().socketAddress().filter(remote::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private void releaseEarlyDtls(long now) {
        earlyDtls.release(now, ice::isValidatedRemote, new EarlyDatagramHold.Release() {
            @Override
            public void deliver(InetSocketAddress remote, InetSocketAddress local, byte[] datagram) {
                receive(now, remote, local, datagram, 0, datagram.length);
            }

            @Override
            public void expired() {
                gate.countDrop();
            }
        });
    }

    /** Replays held SRTP once the keys are there; expires what waited too long. */
    private void releaseEarlySrtp(long now) {
        earlySrtp.release(now, r -> srtp != null, new EarlyDatagramHold.Release() {
            @Override
            public void deliver(InetSocketAddress remote, InetSocketAddress local, byte[] datagram) {
                receiveSrtp(now, datagram, 0, datagram.length,
                        PacketKind.classify(datagram, 0, datagram.length) == PacketKind.RTCP);
            }

            @Override
            public void expired() {
                counters.srtpBeforeKeys++;
            }
        });
    }

    private void receiveDtls(long now, InetSocketAddress remote, InetSocketAddress local, byte[] buf, int off,
            int len) {
        if (dtls == null) {
            counters.dtlsBeforeNegotiation++;
            return;
        }
        if (dtls.state() == DtlsState.NEW) {
            // The peer's ClientHello can beat our own ICE nomination; its source is validated.
            dtls.start(now, local, remote);
        }
        dtls.handleReceive(now, remote, local, buf, off, len);
    }

    private void receiveSrtp(long now, byte[] buf, int off, int len, boolean rtcp) {
        if (srtp == null) {
            counters.srtpBeforeKeys++;
            return;
        }
        int n = Math.min(len, SCRATCH);
        byte[] scratch = scratch(n);
        System.arraycopy(buf, off, scratch, 0, n);
        int plain = rtcp ? srtp.unprotectRtcp(scratch, 0, n) : srtp.unprotectRtp(scratch, 0, n);
        if (plain < 0) {
            counters.srtpDropped++;
            if (plain == dev.jrtc.srtp.SrtpDropReason.AUTH_FAILED.code()) {
                counters.srtpAuthFailed++;
            }
            return;
        }
        if (rtcp) {
            counters.rtcpReceived++;
            media.onRtcp(now, scratch, 0, plain);
        } else {
            counters.rtpReceived++;
            media.onRtp(now, scratch, 0, plain);
        }
    }

    /** The scratch array, at least {@code length} long (a power of two from 2 KiB, at most {@link #SCRATCH}). */
    private byte[] scratch(int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.min(SCRATCH, Math.max(2048, Integer.highestOneBit(Math.max(1, length - 1)) << 1))];
        }
        return scratch;
    }

    /** Protects and sends one plain RTP packet; false when SRTP is not ready yet. */
    boolean sendRtp(long now, byte[] packet) {
        return protectAndSend(now, packet, false);
    }

    /** Protects and sends one plain RTCP compound; false when SRTP is not ready yet. */
    boolean sendRtcp(long now, byte[] packet) {
        return protectAndSend(now, packet, true);
    }

    private boolean protectAndSend(long now, byte[] packet, boolean rtcp) {
        if (srtp == null || closed) {
            return false;
        }
        SrtpProfile p = srtp.profile();
        if (packet.length + Math.max(p.rtpOverhead(), p.rtcpOverhead()) > SCRATCH) {
            return false;
        }
        // A fresh array that ICE then takes as it is (sendOwned): one copy and one array per packet.
        byte[] protectedPacket = Arrays.copyOf(packet, packet.length + (rtcp ? p.rtcpOverhead() : p.rtpOverhead()));
        int n;
        try {
            n = rtcp ? srtp.protectRtcp(protectedPacket, 0, packet.length) : srtp.protectRtp(protectedPacket, 0, packet.length);
        } catch (IllegalStateException refused) {
            // SRTP will not protect an index twice (a plain retransmission without RTX): the packet
            // is not sent, and the caller counts it as not sent.
            return false;
        }
        if (!sendOnPair(now, protectedPacket, 0, n)) {
            counters.sendWithoutPair++;
        }
        if (rtcp) {
            counters.rtcpSent++;
        } else {
            counters.rtpSent++;
        }
        return true;
    }

    /**
     * Sends on ICE's selected pair, counting what left. The array is ours to give away (a fresh
     * SRTP packet or a DTLS {@code Transmit}), so ICE takes it without a copy.
     */
    private boolean sendOnPair(long now, byte[] buf, int off, int len) {
        if (!ice.sendOwned(now, buf, off, len)) {
            return false;
        }
        counters.packetsSent++;
        counters.bytesSent += len;
        return true;
    }

    void handleTimeout(long now) {
        if (closed) {
            return;
        }
        ice.handleTimeout(now);
        releaseEarlyDtls(now);
        releaseEarlySrtp(now);
        if (dtls != null) {
            dtls.handleTimeout(now);
        }
    }

    /**
     * Drains ICE and DTLS until both are idle: transmits go to {@code out}, events are handled or
     * turned into {@link EngineEvent}s. Returns the earliest deadline of both.
     */
    long pump(long now, Consumer<Output> out) {
        long deadline;
        boolean progressed;
        do {
            progressed = false;
            Output o;
            while (!((o = ice.poll()) instanceof Deadline)) {
                progressed = true;
                if (o instanceof Transmit t) {
                    out.accept(t);
                } else if (o instanceof IceEvent e) {
                    onIceEvent(now, e, out);
                }
            }
            deadline = ((Deadline) o).atNanos();
            if (dtls != null) {
                while (!((o = dtls.poll()) instanceof Deadline)) {
                    progressed = true;
                    if (o instanceof Transmit t) {
                        // DTLS follows the ICE selected pair; before there is one, the path DTLS knows.
                        // A Transmit owns its bytes (DESIGN.md section 3): they pass to ICE as they are.
                        if (!sendOnPair(now, t.data(), t.offset(), t.length())) {
                            counters.packetsSent++;
                            counters.bytesSent += t.length();
                            out.accept(t);
                        }
                    } else if (o instanceof DtlsEvent e) {
                        onDtlsEvent(now, e, out);
                    }
                }
                deadline = Math.min(deadline, ((Deadline) o).atNanos());
            }
        } while (progressed);
        return deadline;
    }

    private void onIceEvent(long now, IceEvent e, Consumer<Output> out) {
        if (e instanceof IceEvent.LocalCandidate c) {
            out.accept(new EngineEvent.LocalCandidate(c.candidate().toSdpValue(), null));
        } else if (e instanceof IceEvent.GatheringComplete) {
            out.accept(new EngineEvent.GatheringComplete());
        } else if (e instanceof IceEvent.ConnectionStateChanged s) {
            gate.invalidate();
            iceState = s.to();
            out.accept(new EngineEvent.IceStateChanged(s.to()));
            updateState(out);
        } else if (e instanceof IceEvent.SelectedPairChanged p) {
            gate.invalidate();
            onSelectedPair(now, p.local(), p.remote());
        } else if (e instanceof IceEvent.CandidateError c) {
            out.accept(new EngineEvent.IceCandidateError(c.url(), c.address(), c.port(), c.errorCode(), c.errorText()));
        } else if (e instanceof IceEvent.DataReceived d) {
            // DTLS or SRTP relayed to us through our TURN allocation, from a validated peer address.
            // Anything that would go back to ICE (a ChannelData header inside data) is dropped: no loops.
            PacketKind inner = PacketKind.classify(d.data(), 0, d.data().length);
            if (inner == PacketKind.STUN || inner == PacketKind.TURN_CHANNEL) {
                counters.unknown++;
            } else {
                receive(now, d.remote(), d.local(), d.data(), 0, d.data().length);
            }
        }
        // Role changes, TURN stream requests and server errors need no action here.
    }

    private void onSelectedPair(long now, Candidate local, Candidate remote) {
        Optional<InetSocketAddress> r = remote.socketAddress();
        if (r.isEmpty()) {
            return;
        }
        selectedRemote = r.get();
        selectedLocal = local.socketAddress().filter(hosts::contains).orElse(hosts.isEmpty() ? selectedRemote : hosts.get(0));
        if (dtls != null) {
            if (dtls.state() == DtlsState.NEW) {
                dtls.start(now, selectedLocal, selectedRemote);
            } else {
                dtls.setPath(selectedLocal, selectedRemote);
            }
        }
    }

    private void onDtlsEvent(long now, DtlsEvent e, Consumer<Output> out) {
        if (e instanceof DtlsEvent.SrtpKeysExported k) {
            srtp = SrtpSession.create(k.keys(), SrtpConfig.DEFAULT);
            releaseEarlySrtp(now);
        } else if (e instanceof DtlsEvent.Connected c) {
            dtlsConnected = c;
            out.accept(new EngineEvent.SecureTransportReady(c.srtpProfile()));
            data.onDtlsConnected(now, this::sendApplicationData);
            updateState(out);
        } else if (e instanceof DtlsEvent.ApplicationData a) {
            data.handleApplicationData(now, a.data());
        } else if (e instanceof DtlsEvent.Closed c) {
            if (c.reason() instanceof DtlsFailure f) {
                dtlsFailure = f;
                failure = "DTLS failed: " + f.describe();
                out.accept(new EngineEvent.Failed(failure));
            }
            updateState(out);
        } else if (e instanceof DtlsEvent.PeerCertificate p) {
            peerCertificate = p; // already checked against the signalled fingerprint inside the handshake
        }
    }

    private boolean sendApplicationData(long now, byte[] buf, int off, int len) {
        return dtls != null && dtls.sendApplicationData(now, buf, off, len);
    }

    private void updateState(Consumer<Output> out) {
        ConnectionState next = computeState();
        if (next != state) {
            state = next;
            out.accept(new EngineEvent.ConnectionStateChanged(next));
        }
    }

    private ConnectionState computeState() {
        if (closed) {
            return ConnectionState.CLOSED;
        }
        DtlsState d = dtls == null ? DtlsState.NEW : dtls.state();
        if (failure != null || iceState == IceConnectionState.FAILED) {
            return ConnectionState.FAILED;
        }
        if (d == DtlsState.CLOSED) {
            return ConnectionState.CLOSED;
        }
        if (iceState == IceConnectionState.DISCONNECTED) {
            return ConnectionState.DISCONNECTED;
        }
        boolean iceUp = iceState == IceConnectionState.CONNECTED || iceState == IceConnectionState.COMPLETED;
        if (iceUp && d == DtlsState.CONNECTED) {
            return ConnectionState.CONNECTED;
        }
        if (iceState == IceConnectionState.NEW && d == DtlsState.NEW) {
            return ConnectionState.NEW;
        }
        return ConnectionState.CONNECTING;
    }

    /** Closes DTLS (close_notify), then ICE; the final outputs come out of the next pump. */
    void close(long now, Consumer<Output> out) {
        if (closed) {
            return;
        }
        if (dtls != null) {
            dtls.close(now);
        }
        pump(now, out);
        data.close(now);
        ice.close(now);
        closed = true;
        pump(now, out);
        updateState(out);
    }
}
