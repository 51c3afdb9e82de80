package dev.jrtc.ice;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Engine;
import dev.jrtc.common.Output;
import dev.jrtc.common.RandomSource;
import dev.jrtc.common.Transmit;
import dev.jrtc.ice.mdns.MdnsResolver;
import dev.jrtc.ice.mdns.MdnsResponder;
import dev.jrtc.ice.stun.StunPacket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A sans-IO ICE agent (RFC 8445, full or lite) with trickle (RFC 8838), consent freshness (RFC
 * 7675), TURN relays (RFC 8656), mDNS candidates and passive ICE-TCP (RFC 6544).
 *
 * <p>Drive it like every jrtc core: give it datagrams with {@link #handleReceive}, time with
 * {@link #handleTimeout}, and drain {@link #poll()} until it returns a {@link Deadline}. Outputs are
 * {@link Transmit}s (from one of the host sockets the caller registered) and {@link IceEvent}s.
 * Non-STUN traffic from a validated remote comes out as {@link IceEvent.DataReceived}; everything
 * else is dropped and counted. Application data goes out with {@link #send}.
 *
 * <p>The agent never enumerates interfaces, resolves names or opens sockets: the caller registers
 * host addresses ({@link #addHostAddress}), resolves server names, and runs TCP/TLS connections
 * when asked ({@link IceEvent.StreamConnect}).
 *
 * <p>This class is a facade: it advances the clock, routes each input to the part that owns it,
 * and re-evaluates the connection state afterwards. The parts, each with one job:
 * {@link Gatherer} (our candidates), {@link CandidateRegistry} (remote candidates, mDNS, prflx cap,
 * pairing), {@link CheckScheduler} (outgoing checks: pacing, retransmission, responses),
 * {@link InboundChecks} (the peer's checks, triggered checks, role conflicts),
 * {@link NominationPolicy} (nomination and selection), {@link Liveness} (consent and
 * disconnection), {@link ConnectionStateMachine} (W3C state and its timing), {@link Diagnostics}
 * (drop counters and failure explanations), {@link PacketRouter} (demux and source gate),
 * {@link IceTcpConnections} (accepted ICE-TCP streams), all sharing an {@link AgentState}.
 */
public final class IceAgent implements Engine {
    private final AgentState st;
    private final Gatherer gatherer;
    private final MdnsResponder responder;
    private final Diagnostics diagnostics;
    private final PairTransmitter sender;
    private final CheckScheduler checks;
    private final CandidateRegistry candidates;
    private final NominationPolicy nomination;
    private final PacketRouter router;
    private final IceTcpConnections tcp;
    private final ConnectionStateMachine connection;

    /** An agent with fresh local credentials and a random tie-breaker. */
    public IceAgent(IceConfig config, RandomSource random) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(random, "random");
        // The construction order is also the order randomness is drawn in; seeded tests rely on it.
        this.st = new AgentState(config, random);
        this.gatherer = new Gatherer(config, random, new GathererCallbacks());
        this.diagnostics = new Diagnostics(st, gatherer);
        this.sender = new PairTransmitter(st);
        this.checks = new CheckScheduler(st, sender, diagnostics);
        this.candidates = new CandidateRegistry(st, gatherer, checks);
        this.responder = config.publishMdns() ? new MdnsResponder(random) : null;
        if (responder != null) {
            gatherer.setHostNames(responder::nameFor);
        }
        this.nomination = new NominationPolicy(st, checks);
        InboundChecks inbound = new InboundChecks(st, candidates, checks, sender, diagnostics);
        this.router = new PacketRouter(st, inbound, checks, nomination, diagnostics);
        this.tcp = new IceTcpConnections(st, candidates, router);
        this.connection = new ConnectionStateMachine(st, gatherer, candidates, diagnostics);
    }

    // ---------------------------------------------------------------- public API: setup and signalling

    /** Our current ufrag and password, to put in the SDP. */
    public IceCredentials localCredentials() {
        return st.session.local;
    }

    /** The role now (it can change after a role conflict). */
    public IceRole role() {
        return st.role;
    }

    /** Registers a UDP socket the caller opened; its address becomes a host candidate. */
    public void addHostAddress(InetSocketAddress address) {
        gatherer.addHost(address, Transport.UDP);
    }

    /** Registers a listening TCP socket; it becomes a passive ICE-TCP host candidate (RFC 6544). */
    public void addTcpPassiveAddress(InetSocketAddress address) {
        gatherer.addHost(address, Transport.TCP);
    }

    /** Starts gathering: host candidates come out at once, server-reflexive and relayed ones later. */
    public void startGathering(long nowNanos) {
        st.tick(nowNanos);
        gatherer.start(nowNanos);
        connection.evaluate();
    }

    /** The candidates gathered so far, as signalled. */
    public List<Candidate> localCandidates() {
        return candidates.localCandidates();
    }

    /** The gathering state. */
    public IceGatheringState gatheringState() {
        return gatherer.state();
    }

    /** The peer's ufrag and password from its SDP; a new ufrag after connecting means the peer restarted. */
    public void setRemoteCredentials(long nowNanos, IceCredentials remote) {
        st.tick(nowNanos);
        if (st.session.remote != null && !st.session.remote.equals(remote)) {
            // The peer restarted ICE; we restart too, as RFC 8445 section 9 requires.
            beginRestart();
        }
        st.session.remote = remote;
        checks.schedulePacing();
        connection.evaluate();
    }

    /** A candidate from the peer (trickled or from the SDP). Unusable ones are ignored. */
    public void addRemoteCandidate(long nowNanos, Candidate candidate) {
        st.tick(nowNanos);
        if (st.closed || candidate.component() != 1) {
            return;
        }
        candidates.addRemote(nowNanos, candidate);
        connection.evaluate();
    }

    /** The peer will send no more candidates (RFC 8838 end-of-candidates). */
    public void endOfRemoteCandidates(long nowNanos) {
        st.tick(nowNanos);
        if (!st.session.remoteEndOfCandidates) {
            st.session.remoteEndOfCandidates = true;
            st.session.remoteEndOfCandidatesAt = st.now;
        }
        connection.evaluate();
    }

    /**
     * Restarts ICE (RFC 8445 section 9): new local credentials, a new checklist. The selected pair
     * keeps carrying data until the new generation selects one. Signal the new credentials and the
     * candidates again (same candidates: gathering is not repeated).
     */
    public IceCredentials restart(long nowNanos) {
        st.tick(nowNanos);
        beginRestart();
        connection.evaluate();
        return st.session.local;
    }

    private void beginRestart() {
        st.previous = st.selected != null && !st.liveness.isConsentLost() ? st.session : null;
        st.session = new IceSession(IceCredentials.random(st.random), st.config.maxPairs());
        connection.restarted();
        if (st.previous == null) {
            st.selected = null;
            st.liveness.stop();
        }
        checks.cancelPacing();
    }

    /** Stops everything: releases TURN allocations, stops checks. The state becomes closed. */
    public void close(long nowNanos) {
        st.tick(nowNanos);
        if (st.closed) {
            return;
        }
        st.closed = true;
        gatherer.close(nowNanos);
        checks.clear();
        st.liveness.stop();
        st.selected = null;
        connection.evaluate();
    }

    // ---------------------------------------------------------------- public API: data and status

    /**
     * Sends application data on the selected pair. Returns false (and sends nothing) when there is
     * no selected pair or consent has been lost.
     */
    public boolean send(long nowNanos, byte[] data, int offset, int length) {
        st.tick(nowNanos);
        if (!canSend()) {
            return false;
        }
        sender.sendOnPair(nowNanos, st.selected, Arrays.copyOfRange(data, offset, offset + length));
        return true;
    }

    /**
     * Like {@link #send}, but the agent takes {@code data} instead of copying the slice: the caller
     * gives the array up and must not change it afterwards. For bytes the caller owns already, such
     * as a {@code Transmit} polled from DTLS or a packet SRTP protected into a fresh array; it saves
     * one copy and one allocation per packet. Returns false (and keeps nothing) as {@link #send} does.
     */
    public boolean sendOwned(long nowNanos, byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        st.tick(nowNanos);
        if (!canSend()) {
            return false;
        }
        sender.sendOnPair(nowNanos, st.selected, data, offset, length);
        return true;
    }

    private boolean canSend() {
        return st.selected != null && !st.liveness.isConsentLost() && !st.closed;
    }

    /**
     * The edge received a non-STUN datagram from {@code remote} and handled it itself (DTLS, SRTP,
     * after its own source gate) instead of passing it to {@link #handleReceive}. Traffic from the
     * selected pair's remote shows the path is alive, so it keeps the state from going
     * "disconnected" while the peer is slow to answer consent checks; it never refreshes consent,
     * which only a STUN response can do (RFC 7675 section 5.1).
     */
    public void handleDataReceived(long nowNanos, InetSocketAddress remote) {
        st.tick(nowNanos);
        CandidatePair selected = st.selected;
        if (st.closed || selected == null || !selected.remote.address().equals(IpAddresses.normalize(remote))) {
            return;
        }
        boolean wasDisconnected = st.liveness.isDisconnected();
        st.liveness.onReceive(nowNanos);
        if (wasDisconnected) {
            connection.evaluate();
        }
    }

    /**
     * The source gate (DESIGN.md section 2): whether non-STUN traffic from {@code remote} may be
     * accepted, i.e. an authenticated check with that address succeeded. IPv4-mapped IPv6 is
     * normalised first.
     */
    public boolean isValidatedRemote(InetSocketAddress remote) {
        return router.isValidatedRemote(remote);
    }

    /** The W3C connection state. */
    public IceConnectionState connectionState() {
        return connection.state();
    }

    /** The selected pair's statistics, if a pair is selected. */
    public Optional<PairStatistics> selectedPair() {
        return Optional.ofNullable(st.selected).map(CandidatePair::snapshot);
    }

    /** Statistics of every pair of the current generation. */
    public List<PairStatistics> pairStatistics() {
        return st.session.checkList.pairs().stream().map(CandidatePair::snapshot).collect(Collectors.toList());
    }

    /** One result per configured STUN/TURN server. */
    public List<ServerResult> serverResults() {
        return gatherer.results();
    }

    /** Why ICE failed, once it has; a paragraph for a human. */
    public Optional<String> failureExplanation() {
        return Optional.ofNullable(diagnostics.explanation());
    }

    /** Datagrams dropped: STUN that failed authentication or parsing, and data from unvalidated sources. */
    public long droppedPackets() {
        return diagnostics.droppedPackets();
    }

    /** How many times the connection state changed. */
    public long stateChanges() {
        return connection.stateChanges();
    }

    // ---------------------------------------------------------------- Engine

    @Override
    public void handleReceive(long nowNanos, InetSocketAddress remote, InetSocketAddress local, byte[] buf, int offset,
            int length) {
        st.tick(nowNanos);
        if (st.closed || length <= 0) {
            return;
        }
        InetSocketAddress r = IpAddresses.normalize(remote);
        InetSocketAddress l = IpAddresses.normalize(local);
        // STUN/TURN servers first: their answers arrive on the same sockets as the peer's packets.
        if (gatherer.handleDatagram(nowNanos, r, l, buf, offset, length)) {
            connection.evaluate();
            return;
        }
        if (MdnsResolver.isMdnsSource(r) && !StunPacket.looksLikeStun(buf, offset, length)) {
            candidates.resolver().handleResponse(buf, offset, length);
            if (responder != null) {
                responder.answer(buf, offset, length).ifPresent(a -> st.out.add(new Transmit(l, MdnsResolver.GROUP_V4, a)));
            }
            connection.evaluate();
            return;
        }
        Optional<LocalCandidate> host = candidates.udpHost(l);
        if (host.isEmpty()) {
            diagnostics.dropData();
            return;
        }
        router.onPacket(nowNanos, r, host.get(), -1, buf, offset, length);
        connection.evaluate();
    }

    @Override
    public void handleTimeout(long nowNanos) {
        st.tick(nowNanos);
        if (st.closed) {
            return;
        }
        gatherer.handleTimeout(nowNanos);
        candidates.resolver().handleTimeout(nowNanos);
        checks.handleTimeout(nowNanos);
        if (st.liveness.consentDue(nowNanos) && st.selected != null) {
            // Consent checks (RFC 7675) ride on the selected pair of whichever generation owns it.
            checks.sendCheck(nowNanos, st.selected, st.ownerOf(st.selected), CheckScheduler.Purpose.CONSENT, false);
        }
        if (st.liveness.isDisconnected() && st.selected != null && st.selected.local.relay != null) {
            // A silent relayed path may mean the TURN server lost our allocation: ask it now.
            st.selected.local.relay.verifyAllocation(nowNanos);
        }
        nomination.maybeNominate(nowNanos);
        connection.evaluate();
    }

    @Override
    public Output poll() {
        Output o = st.out.poll();
        if (o != null) {
            return o;
        }
        long d = Math.min(checks.deadline(), gatherer.deadline());
        d = Math.min(d, candidates.resolver().deadline());
        d = Math.min(d, st.liveness.deadline());
        d = Math.min(d, nomination.deadline());
        d = Math.min(d, connection.deadline());
        return st.closed || d == Long.MAX_VALUE ? Deadline.NEVER : new Deadline(Math.max(d, st.now));
    }

    // ---------------------------------------------------------------- streams (TURN over TCP/TLS, ICE-TCP)

    /** The edge connected the stream asked for by {@link IceEvent.StreamConnect}. */
    public void handleStreamConnected(long nowNanos, int connectionId) {
        st.tick(nowNanos);
        gatherer.handleStreamConnected(nowNanos, connectionId);
        connection.evaluate();
    }

    /**
     * The edge accepted a TCP connection on a passive ICE-TCP candidate; returns the ID to use for its
     * bytes, or -1 if {@code local} is not one of our passive candidates (close it).
     */
    public int handleStreamAccepted(long nowNanos, InetSocketAddress remote, InetSocketAddress local) {
        st.tick(nowNanos);
        return tcp.accept(remote, local);
    }

    /** Bytes arrived on a stream. */
    public void handleStreamReceive(long nowNanos, int connectionId, byte[] buf, int offset, int length) {
        st.tick(nowNanos);
        if (st.closed || gatherer.handleStreamReceive(nowNanos, connectionId, buf, offset, length)) {
            connection.evaluate();
            return;
        }
        tcp.receive(nowNanos, connectionId, buf, offset, length);
        connection.evaluate();
    }

    /** A stream failed or closed. */
    public void handleStreamClosed(long nowNanos, int connectionId, String reason) {
        st.tick(nowNanos);
        if (!gatherer.handleStreamClosed(nowNanos, connectionId, reason)) {
            tcp.closed(connectionId, reason);
        }
        connection.evaluate();
    }

    // ---------------------------------------------------------------- wiring

    /** Connects the gatherer's output to the queue and its candidates to the registry. */
    private final class GathererCallbacks implements Gatherer.Callbacks {
        @Override
        public void transmit(InetSocketAddress from, InetSocketAddress to, byte[] data) {
            st.out.add(new Transmit(from, to, data));
        }

        @Override
        public void event(IceEvent event) {
            st.out.add(event);
        }

        @Override
        public void candidateGathered(LocalCandidate candidate) {
            candidates.localGathered(candidate);
        }

        @Override
        public void relayData(LocalCandidate relay, InetSocketAddress peer, byte[] data, int offset, int length) {
            router.onPacket(st.now, IpAddresses.normalize(peer), relay, -1, data, offset, length);
        }

        @Override
        public int newConnectionId() {
            return st.newConnectionId();
        }
    }
}
