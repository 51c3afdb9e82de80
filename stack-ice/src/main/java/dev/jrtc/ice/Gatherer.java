package dev.jrtc.ice;

import dev.jrtc.common.ParseException;
import dev.jrtc.common.RandomSource;
import dev.jrtc.ice.stun.RetransmitPolicy;
import dev.jrtc.ice.stun.RetransmitTimer;
import dev.jrtc.ice.stun.StunAttributeType;
import dev.jrtc.ice.stun.StunClass;
import dev.jrtc.ice.stun.StunMessage;
import dev.jrtc.ice.stun.StunMethod;
import dev.jrtc.ice.stun.StunPacket;
import dev.jrtc.ice.stun.StunProtection;
import dev.jrtc.ice.stun.TransactionId;
import dev.jrtc.ice.turn.TurnClient;
import dev.jrtc.ice.turn.TurnFailure;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers our candidates (RFC 8445 section 5.1.1): host candidates on the addresses the caller
 * gives, server-reflexive ones from STUN Binding, relayed ones from TURN Allocate, and keeps a
 * {@link ServerResult} for every configured server.
 */
final class Gatherer {
    /** What the gatherer needs from the agent. */
    interface Callbacks {
        void transmit(InetSocketAddress from, InetSocketAddress to, byte[] data);

        void event(IceEvent event);

        void candidateGathered(LocalCandidate candidate);

        void relayData(LocalCandidate relay, InetSocketAddress peer, byte[] data, int offset, int length);

        int newConnectionId();
    }

    private final IceConfig config;
    private final RandomSource random;
    private final Callbacks callbacks;
    private final List<LocalCandidate> locals = new ArrayList<>();
    private final List<InetSocketAddress> udpHosts = new ArrayList<>();
    private final Map<String, String> foundations = new HashMap<>();
    private final Map<IceServer, ServerResult> results = new LinkedHashMap<>();
    private final Map<TransactionId, Probe> probes = new HashMap<>();
    private final List<Relay> relays = new ArrayList<>();
    private final RetransmitPolicy serverPolicy;
    private IceGatheringState state = IceGatheringState.NEW;
    private java.util.function.Function<java.net.InetAddress, String> hostNames = a -> null;

    /** A STUN Binding transaction towards one server from one host socket. */
    private record Probe(IceServer server, InetSocketAddress base, byte[] bytes, RetransmitTimer timer) {
    }

    /** A TURN allocation and how it reaches its server. */
    private static final class Relay {
        final IceServer server;
        final InetSocketAddress base;
        final int connectionId;
        TurnClient client;
        LocalCandidate candidate;

        Relay(IceServer server, InetSocketAddress base, int connectionId) {
            this.server = server;
            this.base = base;
            this.connectionId = connectionId;
        }
    }

    Gatherer(IceConfig config, RandomSource random, Callbacks callbacks) {
        this.config = config;
        this.random = random;
        this.callbacks = callbacks;
        this.serverPolicy = RetransmitPolicy.rfc8489().withInitialRto(config.serverRto()).withMaxSends(config.serverMaxSends());
    }

    /** With mDNS publishing, how a host IP is shown; null shows the IP. */
    void setHostNames(java.util.function.Function<java.net.InetAddress, String> names) {
        this.hostNames = names;
    }

    IceGatheringState state() {
        return state;
    }

    List<LocalCandidate> locals() {
        return locals;
    }

    List<ServerResult> results() {
        return List.copyOf(results.values());
    }

    boolean hasRelay() {
        return locals.stream().anyMatch(l -> l.type() == CandidateType.RELAYED);
    }

    /** Adds a host candidate on a socket the caller opened. */
    void addHost(InetSocketAddress address, Transport transport) {
        InetSocketAddress a = IpAddresses.normalize(address);
        int index = (int) locals.stream().filter(l -> l.type() == CandidateType.HOST).count();
        int localPref = (transport == Transport.UDP ? 65535 : 32767) - index;
        long priority = Priorities.candidate(CandidateType.HOST, localPref, 1);
        String name = hostNames.apply(a.getAddress());
        Candidate c = new Candidate(foundation("host", a, null, transport), 1, transport, priority,
                name != null ? name : IpAddresses.toText(a.getAddress()), a.getPort(), CandidateType.HOST, null, -1,
                transport == Transport.TCP ? TcpType.PASSIVE : null, Map.of());
        LocalCandidate local = new LocalCandidate(c, a, a, null, localPref);
        locals.add(local);
        if (transport == Transport.UDP) {
            udpHosts.add(a);
        }
        if (state != IceGatheringState.NEW) {
            callbacks.candidateGathered(local);
        }
    }

    private String foundation(String type, InetSocketAddress base, IceServer server, Transport transport) {
        String key = type + "|" + IpAddresses.toText(base.getAddress()) + "|"
                + (server == null ? "" : IpAddresses.toText(server.address().getAddress())) + "|" + transport;
        return foundations.computeIfAbsent(key, k -> Integer.toString(foundations.size() + 1));
    }

    /** Announces host candidates and contacts every server. */
    void start(long nowNanos) {
        if (state != IceGatheringState.NEW) {
            return;
        }
        state = IceGatheringState.GATHERING;
        for (LocalCandidate l : List.copyOf(locals)) {
            callbacks.candidateGathered(l);
        }
        if (!config.lite()) {
            for (IceServer server : config.servers()) {
                startServer(nowNanos, server);
            }
        }
        checkComplete();
    }

    private Optional<InetSocketAddress> baseFor(IceServer server) {
        boolean v4 = server.address().getAddress() instanceof Inet4Address;
        return udpHosts.stream().filter(h -> (h.getAddress() instanceof Inet4Address) == v4).findFirst();
    }

    private void startServer(long nowNanos, IceServer server) {
        Optional<InetSocketAddress> base = baseFor(server);
        if (base.isEmpty()) {
            results.put(server, new ServerResult.TimedOut(server, "no local address of the server's IP family"));
            callbacks.event(candidateError(server, base.orElse(null), results.get(server)));
            return;
        }
        results.put(server, new ServerResult.Pending(server));
        if (!server.url().isTurn()) {
            StunMessage request = StunMessage.request(StunMethod.BINDING, random).build();
            byte[] bytes = request.encode(StunProtection.fingerprintOnly());
            probes.put(request.transactionId(), new Probe(server, base.get(), bytes, new RetransmitTimer(serverPolicy, nowNanos)));
            callbacks.transmit(base.get(), server.address(), bytes);
            return;
        }
        int connectionId = server.url().transport().isStream() ? callbacks.newConnectionId() : -1;
        Relay relay = new Relay(server, base.get(), connectionId);
        relay.client = new TurnClient(server.url().transport(), server.username(), server.credential(), random,
                serverPolicy, new RelayListener(relay));
        relays.add(relay);
        if (connectionId >= 0) {
            callbacks.event(new IceEvent.StreamConnect(connectionId, server.url().transport(), server.address()));
        } else {
            relay.client.start(nowNanos);
        }
    }

    /** Routes TURN client output and results. */
    private final class RelayListener implements TurnClient.Listener {
        private final Relay relay;

        RelayListener(Relay relay) {
            this.relay = relay;
        }

        @Override
        public void sendToServer(TurnClient client, byte[] data) {
            if (relay.connectionId >= 0) {
                callbacks.event(new IceEvent.StreamTransmit(relay.connectionId, data));
            } else {
                callbacks.transmit(relay.base, relay.server.address(), data);
            }
        }

        @Override
        public void allocated(TurnClient client, InetSocketAddress relayed, InetSocketAddress mapped) {
            addRelayCandidate(client, relayed, mapped);
            if (mapped != null) {
                addServerReflexive(relay.base, mapped, relay.server);
            }
            checkComplete();
        }

        /**
         * The server lost the allocation and the client made a new one: the old relayed candidate is
         * withdrawn and the new one is trickled like any late candidate. Pairs on the old candidate
         * send through the same client, so the peer sees them from the new address as peer-reflexive.
         */
        @Override
        public void reallocated(TurnClient client, InetSocketAddress previous, InetSocketAddress relayed,
                InetSocketAddress mapped) {
            if (relay.candidate != null) {
                locals.remove(relay.candidate);
            }
            addRelayCandidate(client, relayed, mapped);
        }

        private void addRelayCandidate(TurnClient client, InetSocketAddress relayed, InetSocketAddress mapped) {
            results.put(relay.server, new ServerResult.Reachable(relay.server, mapped, relayed));
            int index = (int) locals.stream().filter(l -> l.type() == CandidateType.RELAYED).count();
            int localPref = 65535 - index;
            InetSocketAddress related = mapped != null ? mapped : relay.base;
            Candidate c = Candidate.of(foundation("relay", relay.base, relay.server, Transport.UDP), 1, Transport.UDP,
                    Priorities.candidate(CandidateType.RELAYED, localPref, 1), relayed, CandidateType.RELAYED,
                    config.publishMdns() ? new InetSocketAddress(zeroAddress(), 0) : related);
            relay.candidate = new LocalCandidate(c, relayed, relay.base, client, localPref);
            locals.add(relay.candidate);
            callbacks.candidateGathered(relay.candidate);
        }

        @Override
        public void failed(TurnClient client, TurnFailure failure) {
            ServerResult r = switch (failure.kind()) {
                case TIMEOUT -> new ServerResult.TimedOut(relay.server, failure.reason());
                case AUTH_FAILED -> new ServerResult.AuthFailed(relay.server, failure.code(), failure.reason());
                case ALLOCATION_FAILED, ALLOCATION_LOST, CONNECTION_FAILED ->
                        new ServerResult.AllocationFailed(relay.server, failure.code(), failure.reason());
            };
            boolean wasAllocated = relay.candidate != null;
            results.put(relay.server, r);
            callbacks.event(candidateError(relay.server, relay.base, r));
            if (wasAllocated) {
                locals.remove(relay.candidate);
            }
            checkComplete();
        }

        @Override
        public void peerData(TurnClient client, InetSocketAddress peer, byte[] data, int offset, int length) {
            if (relay.candidate != null) {
                callbacks.relayData(relay.candidate, peer, data, offset, length);
            }
        }
    }

    private static java.net.InetAddress zeroAddress() {
        try {
            return java.net.InetAddress.getByAddress(new byte[4]);
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static IceEvent.CandidateError candidateError(IceServer server, InetSocketAddress base, ServerResult r) {
        return new IceEvent.CandidateError(server.url().toString(), base == null ? null : IpAddresses.toText(base.getAddress()),
                base == null ? 0 : base.getPort(), r.errorCode(), r.describe());
    }

    private void addServerReflexive(InetSocketAddress base, InetSocketAddress mapped, IceServer server) {
        InetSocketAddress m = IpAddresses.normalize(mapped);
        if (m.equals(base) || locals.stream().anyMatch(l -> l.type() == CandidateType.SERVER_REFLEXIVE && l.address.equals(m))) {
            return; // no NAT, or already known
        }
        int localPref = 65535 - udpHosts.indexOf(base);
        InetSocketAddress related = config.publishMdns() ? new InetSocketAddress(zeroAddress(), 0) : base;
        Candidate c = Candidate.of(foundation("srflx", base, server, Transport.UDP), 1, Transport.UDP,
                Priorities.candidate(CandidateType.SERVER_REFLEXIVE, localPref, 1), m, CandidateType.SERVER_REFLEXIVE,
                related);
        LocalCandidate local = new LocalCandidate(c, m, base, null, localPref);
        locals.add(local);
        callbacks.candidateGathered(local);
    }

    /**
     * Consumes a datagram if it is from a STUN or TURN server we talk to on that socket.
     */
    boolean handleDatagram(long nowNanos, InetSocketAddress remote, InetSocketAddress local, byte[] buf, int offset,
            int length) {
        // Probes first: a STUN and a TURN server often share an address (coturn answers both on 3478),
        // and the TURN client would otherwise swallow the Binding response, so the probe would only
        // end by timing out and gathering would stall for seconds.
        if (handleProbeResponse(remote, local, buf, offset, length)) {
            return true;
        }
        for (Relay r : relays) {
            if (r.connectionId < 0 && r.server.address().equals(remote) && r.base.equals(local)) {
                r.client.handleReceive(nowNanos, buf, offset, length);
                return true;
            }
        }
        return false;
    }

    /** Consumes the response to one of our Binding probes, matched by transaction, server and socket. */
    private boolean handleProbeResponse(InetSocketAddress remote, InetSocketAddress local, byte[] buf, int offset,
            int length) {
        if (probes.isEmpty() || !StunPacket.looksLikeStun(buf, offset, length)) {
            return false;
        }
        StunPacket p;
        try {
            p = StunPacket.decode(buf, offset, length);
        } catch (ParseException e) {
            return false;
        }
        Probe probe = probes.get(p.message().transactionId());
        if (probe == null || !probe.server.address().equals(remote) || !probe.base.equals(local)) {
            return false;
        }
        if (p.hasFingerprint() && !p.fingerprintValid()) {
            return true;
        }
        probes.remove(p.message().transactionId());
        StunMessage m = p.message();
        if (m.is(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE)) {
            Optional<InetSocketAddress> mapped = m.address(StunAttributeType.XOR_MAPPED_ADDRESS)
                    .or(() -> m.address(StunAttributeType.MAPPED_ADDRESS));
            results.put(probe.server, new ServerResult.Reachable(probe.server, mapped.orElse(null), null));
            mapped.ifPresent(a -> addServerReflexive(probe.base, a, probe.server));
        } else {
            int code = m.errorCode().map(e -> e.code()).orElse(500);
            ServerResult r = new ServerResult.AllocationFailed(probe.server, code,
                    m.errorCode().map(e -> e.reason()).orElse("error response"));
            results.put(probe.server, r);
            callbacks.event(candidateError(probe.server, probe.base, r));
        }
        checkComplete();
        return true;
    }

    /** Whether {@code connectionId} is a TURN server connection; if so the bytes are consumed. */
    boolean handleStreamReceive(long nowNanos, int connectionId, byte[] buf, int offset, int length) {
        Optional<Relay> r = relayFor(connectionId);
        r.ifPresent(relay -> relay.client.handleReceive(nowNanos, buf, offset, length));
        return r.isPresent();
    }

    boolean handleStreamConnected(long nowNanos, int connectionId) {
        Optional<Relay> r = relayFor(connectionId);
        r.ifPresent(relay -> relay.client.start(nowNanos));
        return r.isPresent();
    }

    boolean handleStreamClosed(long nowNanos, int connectionId, String reason) {
        Optional<Relay> r = relayFor(connectionId);
        r.ifPresent(relay -> {
            if (relay.client.state() == TurnClient.State.NEW) {
                relay.client.start(nowNanos); // so that it can fail with a proper result
            }
            relay.client.handleConnectionFailed(nowNanos, "connection to " + relay.server.url() + " failed: " + reason);
        });
        return r.isPresent();
    }

    private Optional<Relay> relayFor(int connectionId) {
        return relays.stream().filter(r -> r.connectionId == connectionId && connectionId >= 0).findFirst();
    }

    void handleTimeout(long nowNanos) {
        for (var it = probes.entrySet().iterator(); it.hasNext();) {
            Probe p = it.next().getValue();
            switch (p.timer.onTimeout(nowNanos)) {
                case RETRANSMIT -> callbacks.transmit(p.base, p.server.address(), p.bytes);
                case GIVE_UP -> {
                    it.remove();
                    boolean otherProbe = probes.values().stream().anyMatch(o -> o.server.equals(p.server));
                    if (!otherProbe && results.get(p.server) instanceof ServerResult.Pending) {
                        ServerResult r = new ServerResult.TimedOut(p.server,
                                "no response to " + p.timer.sends() + " Binding request(s)");
                        results.put(p.server, r);
                        callbacks.event(candidateError(p.server, p.base, r));
                    }
                }
                case NOTHING -> {
                }
            }
        }
        for (Relay r : relays) {
            r.client.handleTimeout(nowNanos);
        }
        checkComplete();
    }

    long deadline() {
        long d = Long.MAX_VALUE;
        for (Probe p : probes.values()) {
            d = Math.min(d, p.timer.deadline());
        }
        for (Relay r : relays) {
            d = Math.min(d, r.client.deadline());
        }
        return d;
    }

    private void checkComplete() {
        if (state == IceGatheringState.GATHERING && results.values().stream().noneMatch(ServerResult.Pending.class::isInstance)) {
            state = IceGatheringState.COMPLETE;
            callbacks.event(new IceEvent.GatheringComplete());
        }
    }

    /** Releases allocations. */
    void close(long nowNanos) {
        for (Relay r : relays) {
            r.client.close(nowNanos);
            if (r.connectionId >= 0) {
                callbacks.event(new IceEvent.StreamClose(r.connectionId));
            }
        }
        probes.clear();
    }
}
