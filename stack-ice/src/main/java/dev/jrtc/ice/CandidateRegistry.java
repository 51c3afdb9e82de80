package dev.jrtc.ice;

import dev.jrtc.common.Transmit;
import dev.jrtc.ice.mdns.MdnsResolver;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Both sides' candidates and how they become pairs: remote candidates from signalling (resolving
 * {@code .local} names first), peer-reflexive ones learnt from checks (capped, so that a flood of
 * authenticated requests from new ports cannot grow the checklist without bound), and the pairing
 * rules (no srflx locals, no mixed families, UDP only, relay-only policy).
 */
final class CandidateRegistry implements MdnsResolver.Listener {
    private final AgentState st;
    private final Gatherer gatherer;
    private final CheckScheduler checks;
    private final MdnsResolver resolver;
    /** Remote candidates waiting for their mDNS name, by lower-case name. */
    private final Map<String, List<Candidate>> pendingMdns = new HashMap<>();

    CandidateRegistry(AgentState st, Gatherer gatherer, CheckScheduler checks) {
        this.st = st;
        this.gatherer = gatherer;
        this.checks = checks;
        this.resolver = new MdnsResolver(this, 3);
    }

    MdnsResolver resolver() {
        return resolver;
    }

    /** Whether a remote candidate still waits for its name: the agent must not fail meanwhile. */
    boolean hasPendingMdns() {
        return !pendingMdns.isEmpty();
    }

    /** Our usable candidates, as signalled. */
    List<Candidate> localCandidates() {
        return gatherer.locals().stream().filter(st::usable).map(l -> l.candidate).collect(Collectors.toList());
    }

    /** The UDP host candidate whose socket is {@code base}, if any. */
    Optional<LocalCandidate> udpHost(InetSocketAddress base) {
        return gatherer.locals().stream()
                .filter(c -> c.type() == CandidateType.HOST && c.transport() == Transport.UDP && c.base.equals(base))
                .findFirst();
    }

    /** The passive ICE-TCP candidate listening where a connection was accepted, if any. */
    Optional<LocalCandidate> tcpPassive(InetSocketAddress local) {
        return gatherer.locals().stream()
                .filter(c -> c.transport() == Transport.TCP && c.base.getPort() == local.getPort()
                        && (c.base.getAddress().isAnyLocalAddress() || c.base.getAddress().equals(local.getAddress())))
                .findFirst();
    }

    /** A component-1 candidate from the peer (trickled or from the SDP). */
    void addRemote(long nowNanos, Candidate candidate) {
        st.session.lastRemoteCandidateAt = nowNanos;
        if (candidate.isMdns() && !st.config.resolveMdns()) {
            st.session.unresolvedMdns.add(candidate); // known to diagnostics; prflx must do
        } else if (candidate.isMdns()) {
            Optional<InetAddress> cached = resolver.cached(candidate.address());
            if (cached.isPresent()) {
                addResolvedRemote(candidate.withAddress(cached.get()), candidate);
            } else {
                pendingMdns.computeIfAbsent(candidate.address().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(candidate);
                resolver.resolve(nowNanos, candidate.address());
            }
        } else {
            addResolvedRemote(candidate, candidate);
        }
    }

    private void addResolvedRemote(Candidate candidate, Candidate asSignalled) {
        IceSession session = st.session;
        Optional<InetSocketAddress> address = candidate.socketAddress();
        if (address.isEmpty()) {
            return;
        }
        InetAddress ip = address.get().getAddress();
        if ((ip.isLoopbackAddress() && !st.config.allowLoopbackRemote())
                || (ip.isLinkLocalAddress() && !st.config.allowLinkLocalRemote()) || address.get().getPort() == 0
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
                // The signalled candidate replaces the peer-reflexive one learnt from a check; the pairs stay.
                session.remotes.set(session.remotes.indexOf(known.get()), remote);
                for (CandidatePair p : session.checkList.pairs()) {
                    if (p.remote == known.get()) {
                        p.replaceRemote(remote, st.role);
                    }
                }
            }
            return;
        }
        session.remotes.add(remote);
        for (LocalCandidate local : gatherer.locals()) {
            pairUp(local, remote);
        }
    }

    /** The gatherer found a candidate: signal it (if policy allows) and pair it with every remote. */
    void localGathered(LocalCandidate candidate) {
        if (!st.usable(candidate)) {
            return;
        }
        st.out.add(new IceEvent.LocalCandidate(candidate.candidate));
        for (RemoteCandidate r : List.copyOf(st.session.remotes)) {
            pairUp(candidate, r);
        }
    }

    private void pairUp(LocalCandidate local, RemoteCandidate remote) {
        if (!st.usable(local) || st.config.lite() || local.type() == CandidateType.SERVER_REFLEXIVE
                || local.transport() != Transport.UDP || remote.candidate().transport() != Transport.UDP
                || (local.address.getAddress() instanceof Inet4Address) != (remote.address().getAddress() instanceof Inet4Address)) {
            return; // srflx candidates are checked through their base; families never mix
        }
        st.session.checkList.add(new CandidatePair(local, remote, -1), st.role);
        checks.schedulePacing();
    }

    /**
     * The remote candidate an authenticated request came from, learning a peer-reflexive one
     * (RFC 8445 section 7.3.1.3) if it is new; empty when the peer-reflexive cap is reached.
     */
    Optional<RemoteCandidate> remoteForRequest(IceSession s, InetSocketAddress remote, Transport transport,
            long priority) {
        Optional<RemoteCandidate> known = findRemote(s, remote, transport);
        if (known.isPresent()) {
            return known;
        }
        if (s.peerReflexiveCount >= st.config.maxPeerReflexive()) {
            return Optional.empty();
        }
        s.peerReflexiveCount++;
        Candidate c = new Candidate("prflx" + s.peerReflexiveCount, 1, transport, Math.max(1, priority),
                IpAddresses.toText(remote.getAddress()), remote.getPort(), CandidateType.PEER_REFLEXIVE, null, -1,
                transport == Transport.TCP ? TcpType.ACTIVE : null, Map.of());
        RemoteCandidate rc = new RemoteCandidate(c, remote);
        s.remotes.add(rc);
        return Optional.of(rc);
    }

    private static Optional<RemoteCandidate> findRemote(IceSession s, InetSocketAddress address, Transport transport) {
        return s.remotes.stream()
                .filter(r -> r.address().equals(address) && r.candidate().transport() == transport)
                .findFirst();
    }

    // ---------------------------------------------------------------- MdnsResolver.Listener

    @Override
    public void sendQuery(byte[] query) {
        gatherer.locals().stream()
                .filter(l -> l.type() == CandidateType.HOST && l.transport() == Transport.UDP
                        && l.base.getAddress() instanceof Inet4Address)
                .findFirst()
                .ifPresent(l -> st.out.add(new Transmit(l.base, MdnsResolver.GROUP_V4, query)));
    }

    @Override
    public void resolved(String name, InetAddress address) {
        List<Candidate> waiting = pendingMdns.remove(name.toLowerCase(Locale.ROOT));
        if (waiting != null) {
            waiting.forEach(c -> addResolvedRemote(c.withAddress(address), c));
        }
    }

    @Override
    public void unresolved(String name) {
        List<Candidate> waiting = pendingMdns.remove(name.toLowerCase(Locale.ROOT));
        if (waiting != null) {
            st.session.unresolvedMdns.addAll(waiting);
        }
    }
}
