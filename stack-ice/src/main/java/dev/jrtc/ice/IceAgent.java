package dev.jrtc.ice;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Engine;
import dev.jrtc.common.Output;
import dev.jrtc.common.ParseException;
import dev.jrtc.common.RandomSource;
import dev.jrtc.common.Transmit;
import dev.jrtc.ice.mdns.MdnsResolver;
import dev.jrtc.ice.mdns.MdnsResponder;
import dev.jrtc.ice.stun.RetransmitPolicy;
import dev.jrtc.ice.stun.RetransmitTimer;
import dev.jrtc.ice.stun.StunAttributeType;
import dev.jrtc.ice.stun.StunClass;
import dev.jrtc.ice.stun.StunCredentials;
import dev.jrtc.ice.stun.StunMessage;
import dev.jrtc.ice.stun.StunMethod;
import dev.jrtc.ice.stun.StunPacket;
import dev.jrtc.ice.stun.TransactionId;
import dev.jrtc.ice.turn.StreamFramer;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
 */
public final class IceAgent implements Engine {
    private final IceConfig config;
    private final RandomSource random;
    private final ArrayDeque<Output> out = new ArrayDeque<>();
    private final Gatherer gatherer;
    private final Liveness liveness;
    private final MdnsResolver resolver;
    private final MdnsResponder responder;
    private final Map<TransactionId, PendingCheck> pendingChecks = new HashMap<>();
    private final Map<Integer, TcpConnection> tcpConnections = new HashMap<>();
    private final RetransmitPolicy checkPolicy;
    private final RetransmitPolicy consentPolicy;
    private IceRole role;
    private final long tieBreaker;
    private IceSession session;
    /** The session before an ICE restart, kept while its selected pair still carries data. */
    private IceSession previous;
    private CandidatePair selected;
    private IceConnectionState state = IceConnectionState.NEW;
    private long nextPaceAt = Long.MAX_VALUE;
    private long lastCheckAt = Long.MIN_VALUE / 2;
    private long now;
    private int nextConnectionId = 1;
    private boolean closed;
    private String explanation;
    private long droppedStun;
    private long droppedData;
    private long stateChanges;

    private enum Purpose { CHECK, CONSENT }

    /** A check in flight. */
    private record PendingCheck(Purpose purpose, CandidatePair pair, IceSession session, IceRole roleAtSend,
            boolean useCandidate, byte[] bytes, RetransmitTimer timer, long sentAt) {
    }

    /** An ICE-TCP connection a peer opened to our passive candidate. */
    private static final class TcpConnection {
        final InetSocketAddress remote;
        final LocalCandidate local;
        final StreamFramer framer = new StreamFramer(StreamFramer.Framing.RFC4571);

        TcpConnection(InetSocketAddress remote, LocalCandidate local) {
            this.remote = remote;
            this.local = local;
        }
    }

    /** An agent with fresh local credentials and a random tie-breaker. */
    public IceAgent(IceConfig config, RandomSource random) {
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
        this.role = config.lite() ? IceRole.CONTROLLED : config.role();
        this.tieBreaker = random.nextLong();
        this.session = new IceSession(IceCredentials.random(random), config.maxPairs());
        this.checkPolicy = RetransmitPolicy.rfc8489().withInitialRto(config.checkRto()).withMaxSends(config.checkMaxSends());
        this.consentPolicy = new RetransmitPolicy(Duration.ofSeconds(1).toNanos(), Duration.ofSeconds(1).toNanos(), 1, 5);
        this.liveness = new Liveness(config, random);
        this.gatherer = new Gatherer(config, random, new GathererCallbacks());
        this.resolver = new MdnsResolver(new ResolverCallbacks(), 3);
        this.responder = config.publishMdns() ? new MdnsResponder(random) : null;
        if (responder != null) {
            gatherer.setHostNames(responder::nameFor);
        }
    }

    // ---------------------------------------------------------------- public API: setup and signalling

    /** Our current ufrag and password, to put in the SDP. */
    public IceCredentials localCredentials() {
        return session.local;
    }

    /** The role now (it can change after a role conflict). */
    public IceRole role() {
        return role;
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
        tick(nowNanos);
        gatherer.start(nowNanos);
        evaluate();
    }

    /** The candidates gathered so far, as signalled. */
    public List<Candidate> localCandidates() {
        return gatherer.locals().stream().filter(this::usable).map(l -> l.candidate).collect(Collectors.toList());
    }

    /** The gathering state. */
    public IceGatheringState gatheringState() {
        return gatherer.state();
    }

    /** The peer's ufrag and password from its SDP; a new ufrag after connecting means the peer restarted. */
    public void setRemoteCredentials(long nowNanos, IceCredentials remote) {
        tick(nowNanos);
        if (session.remote != null && !session.remote.equals(remote)) {
            // The peer restarted ICE; we restart too, as RFC 8445 section 9 requires.
            beginRestart();
        }
        session.remote = remote;
        schedulePacing();
        evaluate();
    }

    /** A candidate from the peer (trickled or from the SDP). Unusable ones are ignored. */
    public void addRemoteCandidate(long nowNanos, Candidate candidate) {
        tick(nowNanos);
        if (closed || candidate.component() != 1) {
            return;
        }
        session.lastRemoteCandidateAt = nowNanos;
        if (candidate.isMdns()) {
            Optional<InetAddress> cached = resolver.cached(candidate.address());
            if (cached.isPresent()) {
                addResolvedRemote(candidate.withAddress(cached.get()), candidate);
            } else {
                pendingMdns.computeIfAbsent(candidate.address().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                        .add(candidate);
                resolver.resolve(nowNanos, candidate.address());
            }
        } else {
            addResolvedRemote(candidate, candidate);
        }
        evaluate();
    }

    private final Map<String, List<Candidate>> pendingMdns = new HashMap<>();

    private void addResolvedRemote(Candidate candidate, Candidate asSignalled) {
        Optional<InetSocketAddress> address = candidate.socketAddress();
        if (address.isEmpty()) {
            return;
        }
        InetAddress ip = address.get().getAddress();
        if ((ip.isLoopbackAddress() && !config.allowLoopbackRemote())
                || (ip.isLinkLocalAddress() && !config.allowLinkLocalRemote()) || address.get().getPort() == 0
                && candidate.transport() == Transport.UDP) {
            session.refusedRemotes.add(asSignalled);
            return;
        }
        if (candidate.transport() == Transport.TCP) {
            return; // we only have passive TCP candidates: the peer connects to us, we never connect out
        }
        RemoteCandidate remote = new RemoteCandidate(candidate, address.get());
        Optional<RemoteCandidate> known = findRemote(session, remote.address(), Transport.UDP);
        if (known.isPresent()) {
            if (known.get().type() == CandidateType.PEER_REFLEXIVE) {
                // The signalled candidate replaces the peer-reflexive one learnt from a check; the pair stays.
                session.remotes.set(session.remotes.indexOf(known.get()), remote);
            }
            return;
        }
        session.remotes.add(remote);
        for (LocalCandidate local : gatherer.locals()) {
            pairUp(local, remote);
        }
    }

    /** The peer will send no more candidates (RFC 8838 end-of-candidates). */
    public void endOfRemoteCandidates(long nowNanos) {
        tick(nowNanos);
        session.remoteEndOfCandidates = true;
        evaluate();
    }

    /**
     * Restarts ICE (RFC 8445 section 9): new local credentials, a new checklist. The selected pair
     * keeps carrying data until the new generation selects one. Signal the new credentials and the
     * candidates again (same candidates: gathering is not repeated).
     */
    public IceCredentials restart(long nowNanos) {
        tick(nowNanos);
        beginRestart();
        evaluate();
        return session.local;
    }

    private void beginRestart() {
        previous = selected != null && !liveness.isConsentLost() ? session : null;
        session = new IceSession(IceCredentials.random(random), config.maxPairs());
        consentLostSeen = false;
        if (previous == null) {
            selected = null;
            liveness.stop();
        }
        nextPaceAt = Long.MAX_VALUE;
    }

    /** Stops everything: releases TURN allocations, stops checks. The state becomes closed. */
    public void close(long nowNanos) {
        tick(nowNanos);
        if (closed) {
            return;
        }
        closed = true;
        gatherer.close(nowNanos);
        pendingChecks.clear();
        liveness.stop();
        selected = null;
        nextPaceAt = Long.MAX_VALUE;
        evaluate();
    }

    // ---------------------------------------------------------------- public API: data and status

    /**
     * Sends application data on the selected pair. Returns false (and sends nothing) when there is
     * no selected pair or consent has been lost.
     */
    public boolean send(long nowNanos, byte[] data, int offset, int length) {
        tick(nowNanos);
        if (selected == null || liveness.isConsentLost() || closed) {
            return false;
        }
        sendOnPair(nowNanos, selected, java.util.Arrays.copyOfRange(data, offset, offset + length));
        return true;
    }

    /**
     * The source gate (DESIGN.md section 2): whether non-STUN traffic from {@code remote} may be
     * accepted, i.e. an authenticated check with that address succeeded. IPv4-mapped IPv6 is
     * normalised first.
     */
    public boolean isValidatedRemote(InetSocketAddress remote) {
        InetSocketAddress r = IpAddresses.normalize(remote);
        for (IceSession s : sessions()) {
            for (CandidatePair p : s.checkList.pairs()) {
                if (p.state == PairState.SUCCEEDED && p.remote.address().equals(r)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The W3C connection state. */
    public IceConnectionState connectionState() {
        return state;
    }

    /** The selected pair's statistics, if a pair is selected. */
    public Optional<PairStatistics> selectedPair() {
        return Optional.ofNullable(selected).map(CandidatePair::snapshot);
    }

    /** Statistics of every pair of the current generation. */
    public List<PairStatistics> pairStatistics() {
        return session.checkList.pairs().stream().map(CandidatePair::snapshot).collect(Collectors.toList());
    }

    /** One result per configured STUN/TURN server. */
    public List<ServerResult> serverResults() {
        return gatherer.results();
    }

    /** Why ICE failed, once it has; a paragraph for a human. */
    public Optional<String> failureExplanation() {
        return Optional.ofNullable(explanation);
    }

    /** Datagrams dropped: STUN that failed authentication or parsing, and data from unvalidated sources. */
    public long droppedPackets() {
        return droppedStun + droppedData;
    }

    /** How many times the connection state changed. */
    public long stateChanges() {
        return stateChanges;
    }

    // ---------------------------------------------------------------- Engine

    @Override
    public void handleReceive(long nowNanos, InetSocketAddress remote, InetSocketAddress local, byte[] buf, int offset,
            int length) {
        tick(nowNanos);
        if (closed || length <= 0) {
            return;
        }
        InetSocketAddress r = IpAddresses.normalize(remote);
        InetSocketAddress l = IpAddresses.normalize(local);
        if (gatherer.handleDatagram(nowNanos, r, l, buf, offset, length)) {
            evaluate();
            return;
        }
        if (MdnsResolver.isMdnsSource(r) && !StunPacket.looksLikeStun(buf, offset, length)) {
            resolver.handleResponse(buf, offset, length);
            if (responder != null) {
                responder.answer(buf, offset, length).ifPresent(a -> out.add(new Transmit(l, MdnsResolver.GROUP_V4, a)));
            }
            evaluate();
            return;
        }
        Optional<LocalCandidate> host = gatherer.locals().stream()
                .filter(c -> c.type() == CandidateType.HOST && c.transport() == Transport.UDP && c.base.equals(l))
                .findFirst();
        if (host.isEmpty()) {
            droppedData++;
            return;
        }
        onPacket(nowNanos, r, host.get(), -1, buf, offset, length);
        evaluate();
    }

    @Override
    public void handleTimeout(long nowNanos) {
        tick(nowNanos);
        if (closed) {
            return;
        }
        gatherer.handleTimeout(nowNanos);
        resolver.handleTimeout(nowNanos);
        retransmitChecks(nowNanos);
        if (nowNanos >= nextPaceAt) {
            paceCheck(nowNanos);
        }
        if (liveness.consentDue(nowNanos) && selected != null) {
            sendCheck(nowNanos, selected, ownerOf(selected), Purpose.CONSENT, false);
        }
        maybeNominate(nowNanos);
        evaluate();
    }

    @Override
    public Output poll() {
        Output o = out.poll();
        if (o != null) {
            return o;
        }
        long d = Math.min(nextPaceAt, gatherer.deadline());
        d = Math.min(d, resolver.deadline());
        d = Math.min(d, liveness.deadline());
        d = Math.min(d, nominationDeadline());
        d = Math.min(d, failureDeadline());
        for (PendingCheck p : pendingChecks.values()) {
            d = Math.min(d, p.timer().deadline());
        }
        return closed || d == Long.MAX_VALUE ? Deadline.NEVER : new Deadline(Math.max(d, now));
    }

    // ---------------------------------------------------------------- streams (TURN over TCP/TLS, ICE-TCP)

    /** The edge connected the stream asked for by {@link IceEvent.StreamConnect}. */
    public void handleStreamConnected(long nowNanos, int connectionId) {
        tick(nowNanos);
        gatherer.handleStreamConnected(nowNanos, connectionId);
        evaluate();
    }

    /**
     * The edge accepted a TCP connection on a passive ICE-TCP candidate; returns the ID to use for its
     * bytes, or -1 if {@code local} is not one of our passive candidates (close it).
     */
    public int handleStreamAccepted(long nowNanos, InetSocketAddress remote, InetSocketAddress local) {
        tick(nowNanos);
        InetSocketAddress l = IpAddresses.normalize(local);
        Optional<LocalCandidate> passive = gatherer.locals().stream()
                .filter(c -> c.transport() == Transport.TCP && c.base.getPort() == l.getPort()
                        && (c.base.getAddress().isAnyLocalAddress() || c.base.getAddress().equals(l.getAddress())))
                .findFirst();
        if (passive.isEmpty() || closed) {
            return -1;
        }
        int id = nextConnectionId++;
        tcpConnections.put(id, new TcpConnection(IpAddresses.normalize(remote), passive.get()));
        return id;
    }

    /** Bytes arrived on a stream. */
    public void handleStreamReceive(long nowNanos, int connectionId, byte[] buf, int offset, int length) {
        tick(nowNanos);
        if (closed || gatherer.handleStreamReceive(nowNanos, connectionId, buf, offset, length)) {
            evaluate();
            return;
        }
        TcpConnection c = tcpConnections.get(connectionId);
        if (c == null) {
            return;
        }
        for (byte[] frame : c.framer.append(buf, offset, length)) {
            onPacket(nowNanos, c.remote, c.local, connectionId, frame, 0, frame.length);
        }
        if (c.framer.isBroken()) {
            tcpConnections.remove(connectionId);
            out.add(new IceEvent.StreamClose(connectionId));
        }
        evaluate();
    }

    /** A stream failed or closed. */
    public void handleStreamClosed(long nowNanos, int connectionId, String reason) {
        tick(nowNanos);
        if (!gatherer.handleStreamClosed(nowNanos, connectionId, reason)) {
            tcpConnections.remove(connectionId);
            for (IceSession s : sessions()) {
                for (CandidatePair p : s.checkList.pairs()) {
                    if (p.tcpConnection == connectionId) {
                        p.state = PairState.FAILED;
                        p.lastError = "TCP connection closed: " + reason;
                    }
                }
            }
        }
        evaluate();
    }

    // ---------------------------------------------------------------- receiving

    private void onPacket(long nowNanos, InetSocketAddress remote, LocalCandidate local, int tcpConnection, byte[] buf,
            int offset, int length) {
        if (!StunPacket.looksLikeStun(buf, offset, length)) {
            onData(nowNanos, remote, local, buf, offset, length);
            return;
        }
        StunPacket packet;
        try {
            packet = StunPacket.decode(buf, offset, length);
        } catch (ParseException e) {
            droppedStun++;
            return;
        }
        StunMessage m = packet.message();
        if (m.method() != StunMethod.BINDING) {
            droppedStun++;
        } else if (m.stunClass() == StunClass.REQUEST) {
            onCheckRequest(nowNanos, packet, remote, local, tcpConnection);
        } else if (m.stunClass().isResponse()) {
            onCheckResponse(nowNanos, packet, remote, local);
        }
        // Binding indications are keepalives: nothing to do.
    }

    private void onData(long nowNanos, InetSocketAddress remote, LocalCandidate local, byte[] buf, int offset,
            int length) {
        if (!isValidatedRemote(remote)) {
            droppedData++;
            return;
        }
        if (selected != null && selected.remote.address().equals(remote)) {
            liveness.onReceive(nowNanos);
        }
        out.add(new IceEvent.DataReceived(remote, local.address,
                java.util.Arrays.copyOfRange(buf, offset, offset + length)));
    }

    private void onCheckRequest(long nowNanos, StunPacket packet, InetSocketAddress remote, LocalCandidate local,
            int tcpConnection) {
        StunMessage m = packet.message();
        if (!usable(local)) {
            droppedStun++; // relay-only: the host socket is not ours to use for ICE
            return;
        }
        Optional<String> username = m.text(StunAttributeType.USERNAME);
        IceSession s = username.flatMap(this::sessionForUsername).orElse(null);
        if (s == null || !packet.hasFingerprint()
                || !packet.isAuthentic(StunCredentials.shortTermKey(s.local.password()))) {
            droppedStun++; // forged, stale or for someone else: silently dropped, no state touched
            return;
        }
        List<Integer> unknown = m.unknownComprehensionRequired();
        if (!unknown.isEmpty()) {
            respond(local, remote, tcpConnection, CheckMessages.error(m, 420, "Unknown Attribute", unknown, s.local));
            return;
        }
        if (!config.lite() && conflictsAndWeWin(m)) {
            respond(local, remote, tcpConnection, CheckMessages.error(m, 487, "Role Conflict", List.of(), s.local));
            return;
        }
        respond(local, remote, tcpConnection, CheckMessages.success(m, remote, s.local));
        Transport transport = tcpConnection >= 0 ? Transport.TCP : Transport.UDP;
        RemoteCandidate rc = findRemote(s, remote, transport).orElse(null);
        if (rc == null) {
            if (s.peerReflexiveCount >= config.maxPeerReflexive()) {
                droppedStun++;
                return;
            }
            s.peerReflexiveCount++;
            long priority = m.number(StunAttributeType.PRIORITY).orElse(0);
            Candidate c = new Candidate("prflx" + s.peerReflexiveCount, 1, transport, Math.max(1, priority),
                    IpAddresses.toText(remote.getAddress()), remote.getPort(), CandidateType.PEER_REFLEXIVE, null, -1,
                    transport == Transport.TCP ? TcpType.ACTIVE : null, Map.of());
            rc = new RemoteCandidate(c, remote);
            s.remotes.add(rc);
        }
        CandidatePair pair = s.checkList.find(local, remote).orElse(null);
        if (pair == null) {
            pair = s.checkList.add(new CandidatePair(local, rc, tcpConnection), role);
        }
        pair.requestsReceived++;
        pair.responsesSent++;
        if (selected == pair) {
            liveness.onReceive(nowNanos);
        }
        boolean useCandidate = m.has(StunAttributeType.USE_CANDIDATE) && role == IceRole.CONTROLLED;
        if (config.lite()) {
            // A lite agent does no checks: an authenticated request validates the pair.
            pair.state = PairState.SUCCEEDED;
            pair.nominated |= useCandidate;
        } else if (useCandidate && pair.state == PairState.SUCCEEDED) {
            pair.nominated = true;
        } else {
            pair.nominateOnSuccess |= useCandidate;
            if (s == session) {
                s.checkList.trigger(pair);
                schedulePacing();
            }
        }
        maybeSelect(nowNanos);
    }

    /** Handles ICE-CONTROLLING/ICE-CONTROLLED in a request; true if we keep our role and answer 487. */
    private boolean conflictsAndWeWin(StunMessage m) {
        long theirs;
        if (role == IceRole.CONTROLLING && m.has(StunAttributeType.ICE_CONTROLLING)) {
            theirs = m.number(StunAttributeType.ICE_CONTROLLING).getAsLong();
            if (Long.compareUnsigned(tieBreaker, theirs) >= 0) {
                return true;
            }
        } else if (role == IceRole.CONTROLLED && m.has(StunAttributeType.ICE_CONTROLLED)) {
            theirs = m.number(StunAttributeType.ICE_CONTROLLED).getAsLong();
            if (Long.compareUnsigned(tieBreaker, theirs) < 0) {
                return true;
            }
        } else {
            return false;
        }
        switchRole();
        return false;
    }

    private void switchRole() {
        role = role.opposite();
        for (IceSession s : sessions()) {
            s.checkList.recomputePriorities(role);
        }
        out.add(new IceEvent.RoleChanged(role));
    }

    private void onCheckResponse(long nowNanos, StunPacket packet, InetSocketAddress remote, LocalCandidate local) {
        StunMessage m = packet.message();
        PendingCheck p = pendingChecks.get(m.transactionId());
        if (p == null || p.session().remote == null
                || !packet.isAuthentic(StunCredentials.shortTermKey(p.session().remote.password()))) {
            droppedStun++;
            return;
        }
        pendingChecks.remove(m.transactionId());
        CandidatePair pair = p.pair();
        if (!pair.remote.address().equals(remote) || pair.local != local) {
            // RFC 8445 section 7.2.5.2.1: a non-symmetric response fails the pair.
            pair.state = PairState.FAILED;
            pair.lastError = "response from " + IpAddresses.toText(remote) + " instead of "
                    + IpAddresses.toText(pair.remote.address());
            return;
        }
        if (m.stunClass() == StunClass.ERROR_RESPONSE) {
            int code = m.errorCode().map(e -> e.code()).orElse(500);
            pair.lastError = "error " + code + m.errorCode().map(e -> " " + e.reason()).orElse("");
            if (code == 487 && p.purpose() == Purpose.CHECK) {
                if (role == p.roleAtSend()) {
                    switchRole();
                }
                pair.state = PairState.WAITING;
                p.session().checkList.trigger(pair);
                schedulePacing();
            } else if (p.purpose() == Purpose.CHECK) {
                pair.state = PairState.FAILED;
            }
            return;
        }
        pair.responsesReceived++;
        pair.lastRttNanos = nowNanos - p.sentAt();
        pair.totalRttNanos += pair.lastRttNanos;
        pair.lastError = null;
        if (pair == selected) {
            liveness.onConsent(nowNanos);
        }
        if (p.purpose() == Purpose.CONSENT) {
            return;
        }
        boolean wasSucceeded = pair.state == PairState.SUCCEEDED;
        pair.state = PairState.SUCCEEDED;
        if (!wasSucceeded) {
            p.session().checkList.unfreeze(pair.foundation());
            if (p.session().firstValidAt == Long.MAX_VALUE) {
                p.session().firstValidAt = nowNanos;
            }
        }
        if (p.useCandidate() && role == IceRole.CONTROLLING) {
            pair.nominated = true;
            pair.nominating = false;
        }
        if (pair.nominateOnSuccess && role == IceRole.CONTROLLED) {
            pair.nominated = true;
        }
        maybeSelect(nowNanos);
    }

    private Optional<IceSession> sessionForUsername(String username) {
        int colon = username.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String ours = username.substring(0, colon);
        String theirs = username.substring(colon + 1);
        for (IceSession s : sessions()) {
            if (s.local.ufrag().equals(ours) && (s.remote == null || s.remote.ufrag().equals(theirs))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private void respond(LocalCandidate local, InetSocketAddress remote, int tcpConnection, byte[] bytes) {
        sendFrom(now, local, remote, tcpConnection, bytes);
    }

    // ---------------------------------------------------------------- checking and nomination

    /** Whether policy lets us use (and signal) a local candidate: with relay-only, only relays. */
    private boolean usable(LocalCandidate local) {
        return !config.relayOnly() || local.type() == CandidateType.RELAYED;
    }

    private void pairUp(LocalCandidate local, RemoteCandidate remote) {
        if (!usable(local) || config.lite() || local.type() == CandidateType.SERVER_REFLEXIVE || local.transport() != Transport.UDP
                || remote.candidate().transport() != Transport.UDP
                || (local.address.getAddress() instanceof Inet4Address) != (remote.address().getAddress() instanceof Inet4Address)) {
            return; // srflx candidates are checked through their base; families never mix
        }
        session.checkList.add(new CandidatePair(local, remote, -1), role);
        schedulePacing();
    }

    private void schedulePacing() {
        if (!config.lite() && session.remote != null && session.checkList.hasWork() && nextPaceAt == Long.MAX_VALUE) {
            nextPaceAt = Math.max(now, lastCheckAt + config.pacing().toNanos());
        }
    }

    private void paceCheck(long nowNanos) {
        nextPaceAt = Long.MAX_VALUE;
        if (session.remote == null || config.lite()) {
            return;
        }
        Optional<CandidatePair> next = session.checkList.next();
        if (next.isPresent()) {
            CandidatePair pair = next.get();
            pair.state = PairState.IN_PROGRESS;
            boolean useCandidate = role == IceRole.CONTROLLING && config.nomination() == NominationMode.AGGRESSIVE;
            sendCheck(nowNanos, pair, session, Purpose.CHECK, useCandidate);
            lastCheckAt = nowNanos;
        }
        schedulePacing();
    }

    private void sendCheck(long nowNanos, CandidatePair pair, IceSession s, Purpose purpose, boolean useCandidate) {
        if (s == null || s.remote == null) {
            return;
        }
        long prflxPriority = Priorities.candidate(CandidateType.PEER_REFLEXIVE, pair.local.localPreference, 1);
        StunMessage request = CheckMessages.request(TransactionId.random(random), s, role, tieBreaker, prflxPriority,
                useCandidate);
        byte[] bytes = CheckMessages.sign(request, s.remote);
        RetransmitPolicy policy = purpose == Purpose.CONSENT ? consentPolicy : checkPolicy;
        pendingChecks.put(request.transactionId(), new PendingCheck(purpose, pair, s, role, useCandidate, bytes,
                new RetransmitTimer(policy, nowNanos), nowNanos));
        pair.requestsSent++;
        sendOnPair(nowNanos, pair, bytes);
    }

    private void retransmitChecks(long nowNanos) {
        for (Iterator<PendingCheck> it = pendingChecks.values().iterator(); it.hasNext();) {
            PendingCheck p = it.next();
            switch (p.timer().onTimeout(nowNanos)) {
                case RETRANSMIT -> {
                    p.pair().requestsSent++;
                    sendOnPair(nowNanos, p.pair(), p.bytes());
                }
                case GIVE_UP -> {
                    it.remove();
                    if (p.purpose() == Purpose.CHECK && p.pair().state == PairState.IN_PROGRESS) {
                        p.pair().state = PairState.FAILED;
                        p.pair().lastError = "timeout: no response to " + p.timer().sends() + " request(s)";
                    }
                    if (p.useCandidate()) {
                        p.pair().nominating = false;
                    }
                }
                case NOTHING -> {
                }
            }
        }
    }

    /** Regular nomination by the controlling agent: pick the best valid pair once better ones are unlikely. */
    private void maybeNominate(long nowNanos) {
        if (role != IceRole.CONTROLLING || config.lite() || config.nomination() != NominationMode.REGULAR
                || session.remote == null) {
            return;
        }
        CheckList cl = session.checkList;
        if (cl.bestNominated().isPresent() || cl.pairs().stream().anyMatch(p -> p.nominating)) {
            return;
        }
        Optional<CandidatePair> best = cl.bestValid();
        if (best.isEmpty()) {
            return;
        }
        if (cl.betterMaySucceed(best.get())
                && nowNanos < session.firstValidAt + config.regularNominationWait().toNanos()) {
            return;
        }
        best.get().nominating = true;
        sendCheck(nowNanos, best.get(), session, Purpose.CHECK, true);
    }

    private long nominationDeadline() {
        if (role != IceRole.CONTROLLING || config.nomination() != NominationMode.REGULAR
                || session.firstValidAt == Long.MAX_VALUE || session.checkList.bestNominated().isPresent()) {
            return Long.MAX_VALUE;
        }
        // Only a future instant is a timer; once it has passed, responses drive nomination.
        long at = session.firstValidAt + config.regularNominationWait().toNanos();
        return at > now ? at : Long.MAX_VALUE;
    }

    /** Selects the best nominated pair of the current generation. */
    private void maybeSelect(long nowNanos) {
        Optional<CandidatePair> best = session.checkList.bestNominated();
        if (best.isEmpty()) {
            if (role == IceRole.CONTROLLING && config.nomination() == NominationMode.REGULAR) {
                maybeNominate(nowNanos);
            }
            return;
        }
        CandidatePair pair = best.get();
        if (pair == selected) {
            return;
        }
        boolean fromOldGeneration = previous != null;
        if (selected != null && !fromOldGeneration && selected.priority >= pair.priority
                && session.checkList.pairs().contains(selected) && !liveness.isConsentLost()) {
            return;
        }
        selected = pair;
        previous = null;
        liveness.start(nowNanos);
        if (pair.local.relay != null) {
            pair.local.relay.bindChannel(nowNanos, pair.remote.address());
        }
        out.add(new IceEvent.SelectedPairChanged(pair.local.candidate, pair.remote.candidate()));
    }

    private IceSession ownerOf(CandidatePair pair) {
        if (session.checkList.pairs().contains(pair)) {
            return session;
        }
        return previous;
    }

    // ---------------------------------------------------------------- sending

    private void sendOnPair(long nowNanos, CandidatePair pair, byte[] bytes) {
        sendFrom(nowNanos, pair.local, pair.remote.address(), pair.tcpConnection, bytes);
    }

    private void sendFrom(long nowNanos, LocalCandidate local, InetSocketAddress remote, int tcpConnection, byte[] bytes) {
        if (local.relay != null) {
            local.relay.sendToPeer(nowNanos, remote, bytes, 0, bytes.length);
        } else if (tcpConnection >= 0) {
            out.add(new IceEvent.StreamTransmit(tcpConnection, StreamFramer.rfc4571(bytes, 0, bytes.length)));
        } else {
            out.add(new Transmit(local.base, remote, bytes));
        }
    }

    // ---------------------------------------------------------------- state

    private void tick(long nowNanos) {
        now = Math.max(now, nowNanos);
    }

    private List<IceSession> sessions() {
        return previous == null ? List.of(session) : List.of(session, previous);
    }

    private Optional<RemoteCandidate> findRemote(IceSession s, InetSocketAddress address, Transport transport) {
        return s.remotes.stream()
                .filter(r -> r.address().equals(address) && r.candidate().transport() == transport)
                .findFirst();
    }

    private boolean checksExhausted() {
        IceSession s = session;
        if (s.checkList.hasPending() || gatherer.state() != IceGatheringState.COMPLETE || !pendingMdns.isEmpty()) {
            return false;
        }
        boolean nothingToTry = s.checkList.pairs().isEmpty() || s.checkList.allFailed();
        if (!nothingToTry) {
            return false;
        }
        if (s.remoteEndOfCandidates) {
            return true;
        }
        // Trickle without end-of-candidates: give the peer a grace period for more candidates.
        long since = Math.max(s.lastRemoteCandidateAt, lastActivity(s));
        return since != Long.MIN_VALUE && now - since >= config.failWithoutEndOfCandidates().toNanos();
    }

    private long lastActivity(IceSession s) {
        return s.checkList.pairs().isEmpty() ? Long.MIN_VALUE : s.allFailedSince;
    }

    private long failureDeadline() {
        IceSession s = session;
        if (state != IceConnectionState.CHECKING || s.remoteEndOfCandidates) {
            return Long.MAX_VALUE;
        }
        long since = Math.max(s.lastRemoteCandidateAt, lastActivity(s));
        if (since == Long.MIN_VALUE || since == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long at = since + config.failWithoutEndOfCandidates().toNanos();
        return at > now ? at : Long.MAX_VALUE;
    }

    /** Recomputes the W3C state from the facts and reports a change. */
    private void evaluate() {
        if (session.checkList.allFailed() && session.allFailedSince == Long.MAX_VALUE) {
            session.allFailedSince = now;
        } else if (!session.checkList.allFailed()) {
            session.allFailedSince = Long.MAX_VALUE;
        }
        IceConnectionState next;
        String reason;
        if (closed) {
            next = IceConnectionState.CLOSED;
            reason = "closed";
        } else if (liveness.isConsentLost() || consentLostSeen) {
            // Sticky until an ICE restart: consent is never silently regained (RFC 7675 section 5.1).
            next = IceConnectionState.FAILED;
            reason = "consent lost";
            if (!consentLostSeen) {
                consentLostSeen = true;
                explanationFacts();
            }
            selected = null;
            liveness.stop();
        } else if (selected != null) {
            if (liveness.isDisconnected()) {
                next = IceConnectionState.DISCONNECTED;
                reason = "nothing received on the selected pair";
            } else if (!session.checkList.hasPending() && session.remoteEndOfCandidates
                    && gatherer.state() == IceGatheringState.COMPLETE && previous == null
                    && session.checkList.pairs().contains(selected)) {
                next = IceConnectionState.COMPLETED;
                reason = "all checks done";
            } else {
                next = IceConnectionState.CONNECTED;
                reason = "pair selected";
            }
        } else if (session.remote != null && checksExhausted()) {
            next = IceConnectionState.FAILED;
            reason = "all checks failed";
        } else if (session.remote != null && (!session.checkList.pairs().isEmpty() || !session.remotes.isEmpty())) {
            next = IceConnectionState.CHECKING;
            reason = "checking";
        } else {
            next = state == IceConnectionState.NEW ? IceConnectionState.NEW : state;
            reason = "waiting for the peer";
        }
        if (next != state) {
            if (next == IceConnectionState.FAILED) {
                if (!consentLostSeen) {
                    explanationFacts();
                }
                reason = explanation;
            } else if (next == IceConnectionState.CHECKING || next == IceConnectionState.CONNECTED) {
                explanation = null;
            }
            out.add(new IceEvent.ConnectionStateChanged(state, next, reason));
            state = next;
            stateChanges++;
        }
    }

    private boolean consentLostSeen;

    private void explanationFacts() {
        explanation = FailureExplainer.explain(new FailureExplainer.Facts(consentLostSeen, gatherer.locals(),
                session.remotes, session.refusedRemotes, session.unresolvedMdns, session.checkList.pairs(),
                gatherer.results(), session.remote != null));
    }

    // ---------------------------------------------------------------- callbacks

    private final class GathererCallbacks implements Gatherer.Callbacks {
        @Override
        public void transmit(InetSocketAddress from, InetSocketAddress to, byte[] data) {
            out.add(new Transmit(from, to, data));
        }

        @Override
        public void event(IceEvent event) {
            out.add(event);
        }

        @Override
        public void candidateGathered(LocalCandidate candidate) {
            if (!usable(candidate)) {
                return;
            }
            out.add(new IceEvent.LocalCandidate(candidate.candidate));
            for (RemoteCandidate r : List.copyOf(session.remotes)) {
                pairUp(candidate, r);
            }
        }

        @Override
        public void relayData(LocalCandidate relay, InetSocketAddress peer, byte[] data, int offset, int length) {
            onPacket(now, IpAddresses.normalize(peer), relay, -1, data, offset, length);
        }

        @Override
        public int newConnectionId() {
            return nextConnectionId++;
        }
    }

    private final class ResolverCallbacks implements MdnsResolver.Listener {
        @Override
        public void sendQuery(byte[] query) {
            gatherer.locals().stream()
                    .filter(l -> l.type() == CandidateType.HOST && l.transport() == Transport.UDP
                            && l.base.getAddress() instanceof Inet4Address)
                    .findFirst()
                    .ifPresent(l -> out.add(new Transmit(l.base, MdnsResolver.GROUP_V4, query)));
        }

        @Override
        public void resolved(String name, InetAddress address) {
            List<Candidate> waiting = pendingMdns.remove(name.toLowerCase(java.util.Locale.ROOT));
            if (waiting != null) {
                waiting.forEach(c -> addResolvedRemote(c.withAddress(address), c));
            }
        }

        @Override
        public void unresolved(String name) {
            List<Candidate> waiting = pendingMdns.remove(name.toLowerCase(java.util.Locale.ROOT));
            if (waiting != null) {
                session.unresolvedMdns.addAll(waiting);
            }
        }
    }
}
