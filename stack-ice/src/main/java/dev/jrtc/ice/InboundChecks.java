package dev.jrtc.ice;

import dev.jrtc.ice.stun.StunAttributeType;
import dev.jrtc.ice.stun.StunCredentials;
import dev.jrtc.ice.stun.StunMessage;
import dev.jrtc.ice.stun.StunPacket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Binding requests from the peer (RFC 8445 section 7.3): authenticates them before touching any
 * state, answers them (success, 420 or 487), resolves role conflicts, learns peer-reflexive
 * candidates, queues triggered checks and records the peer's nomination. A lite agent does no checks
 * of its own, so for it an authenticated request is what validates a pair.
 */
final class InboundChecks {
    private final AgentState st;
    private final CandidateRegistry candidates;
    private final CheckScheduler checks;
    private final PairTransmitter sender;
    private final Diagnostics diagnostics;

    InboundChecks(AgentState st, CandidateRegistry candidates, CheckScheduler checks, PairTransmitter sender,
            Diagnostics diagnostics) {
        this.st = st;
        this.candidates = candidates;
        this.checks = checks;
        this.sender = sender;
        this.diagnostics = diagnostics;
    }

    /**
     * Handles a request that arrived on {@code local} (over ICE-TCP connection {@code tcpConnection},
     * or -1 for UDP). Returns true when it updated a pair, i.e. when selection may have to change.
     */
    boolean onRequest(long nowNanos, StunPacket packet, InetSocketAddress remote, LocalCandidate local,
            int tcpConnection) {
        StunMessage m = packet.message();
        if (!st.usable(local)) {
            diagnostics.dropStun(); // relay-only: the host socket is not ours to use for ICE
            return false;
        }
        Optional<String> username = m.text(StunAttributeType.USERNAME);
        IceSession s = username.flatMap(this::sessionForUsername).orElse(null);
        if (s == null || !packet.hasFingerprint()
                || !packet.isAuthentic(StunCredentials.shortTermKey(s.local.password()))) {
            diagnostics.dropStun(); // forged, stale or for someone else: silently dropped, no state touched
            return false;
        }
        List<Integer> unknown = m.unknownComprehensionRequired();
        if (!unknown.isEmpty()) {
            respond(local, remote, tcpConnection, CheckMessages.error(m, 420, "Unknown Attribute", unknown, s.local));
            return false;
        }
        if (!st.config.lite() && conflictsAndWeWin(m)) {
            respond(local, remote, tcpConnection, CheckMessages.error(m, 487, "Role Conflict", List.of(), s.local));
            return false;
        }
        respond(local, remote, tcpConnection, CheckMessages.success(m, remote, s.local));
        Transport transport = tcpConnection >= 0 ? Transport.TCP : Transport.UDP;
        long priority = m.number(StunAttributeType.PRIORITY).orElse(0);
        RemoteCandidate rc = candidates.remoteForRequest(s, remote, transport, priority).orElse(null);
        if (rc == null) {
            diagnostics.dropStun(); // answered, but the peer-reflexive cap keeps it out of the checklist
            return false;
        }
        CandidatePair pair = s.checkList.find(local, remote).orElse(null);
        if (pair == null) {
            pair = s.checkList.add(new CandidatePair(local, rc, tcpConnection), st.role);
        }
        pair.requestsReceived++;
        pair.responsesSent++;
        if (st.selected == pair) {
            st.liveness.onReceive(nowNanos);
        }
        boolean useCandidate = m.has(StunAttributeType.USE_CANDIDATE) && st.role == IceRole.CONTROLLED;
        if (st.config.lite()) {
            // A lite agent does no checks: an authenticated request validates the pair.
            pair.state = PairState.SUCCEEDED;
            pair.nominated |= useCandidate;
        } else if (useCandidate && pair.state == PairState.SUCCEEDED) {
            pair.nominated = true;
        } else {
            // RFC 8445 section 7.3.1.4: check back (triggered check); nominate once it succeeds.
            pair.nominateOnSuccess |= useCandidate;
            if (s == st.session) {
                s.checkList.trigger(pair);
                checks.schedulePacing();
            }
        }
        return true;
    }

    /** Handles ICE-CONTROLLING/ICE-CONTROLLED in a request; true if we keep our role and answer 487. */
    private boolean conflictsAndWeWin(StunMessage m) {
        long theirs;
        if (st.role == IceRole.CONTROLLING && m.has(StunAttributeType.ICE_CONTROLLING)) {
            theirs = m.number(StunAttributeType.ICE_CONTROLLING).getAsLong();
            if (Long.compareUnsigned(st.tieBreaker, theirs) >= 0) {
                return true;
            }
        } else if (st.role == IceRole.CONTROLLED && m.has(StunAttributeType.ICE_CONTROLLED)) {
            theirs = m.number(StunAttributeType.ICE_CONTROLLED).getAsLong();
            if (Long.compareUnsigned(st.tieBreaker, theirs) < 0) {
                return true;
            }
        } else {
            return false;
        }
        st.switchRole();
        return false;
    }

    /** The generation whose local ufrag the USERNAME names (the current one or, during a restart, the old one). */
    private Optional<IceSession> sessionForUsername(String username) {
        int colon = username.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String ours = username.substring(0, colon);
        String theirs = username.substring(colon + 1);
        for (IceSession s : st.sessions()) {
            if (s.local.ufrag().equals(ours) && (s.remote == null || s.remote.ufrag().equals(theirs))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private void respond(LocalCandidate local, InetSocketAddress remote, int tcpConnection, byte[] bytes) {
        sender.sendFrom(st.now, local, remote, tcpConnection, bytes);
    }
}
