package dev.jrtc.ice;

import dev.jrtc.ice.stun.RetransmitPolicy;
import dev.jrtc.ice.stun.RetransmitTimer;
import dev.jrtc.ice.stun.StunClass;
import dev.jrtc.ice.stun.StunCredentials;
import dev.jrtc.ice.stun.StunMessage;
import dev.jrtc.ice.stun.StunPacket;
import dev.jrtc.ice.stun.TransactionId;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Our outgoing Binding requests (RFC 8445 section 6.1.4 and 7.2): paces new checks at Ta, sends
 * them, retransmits them, and applies their responses to the pairs. Consent checks (RFC 7675) use
 * the same transactions with a gentler retransmission policy, because a lost consent response must
 * not fail a pair.
 */
final class CheckScheduler {
    /** Why a request was sent: a connectivity check changes pair state, a consent check does not. */
    enum Purpose { CHECK, CONSENT }

    /** A request in flight. */
    private record PendingCheck(Purpose purpose, CandidatePair pair, IceSession session, IceRole roleAtSend,
            boolean useCandidate, byte[] bytes, RetransmitTimer timer, long sentAt) {
    }

    private final AgentState st;
    private final PairTransmitter sender;
    private final Diagnostics diagnostics;
    private final Map<TransactionId, PendingCheck> pending = new HashMap<>();
    private final RetransmitPolicy checkPolicy;
    private final RetransmitPolicy consentPolicy;
    private long nextPaceAt = Long.MAX_VALUE;
    private long lastCheckAt = Long.MIN_VALUE / 2;

    CheckScheduler(AgentState st, PairTransmitter sender, Diagnostics diagnostics) {
        this.st = st;
        this.sender = sender;
        this.diagnostics = diagnostics;
        this.checkPolicy = RetransmitPolicy.rfc8489().withInitialRto(st.config.checkRto())
                .withMaxSends(st.config.checkMaxSends());
        // One send per consent check, every second at most: consent has its own 30 s verdict.
        this.consentPolicy = new RetransmitPolicy(Duration.ofSeconds(1).toNanos(), Duration.ofSeconds(1).toNanos(), 1, 5);
    }

    /** Arms the pacing timer if there is something to check and it is not armed yet. */
    void schedulePacing() {
        IceSession s = st.session;
        if (!st.config.lite() && s.remote != null && s.checkList.hasWork() && nextPaceAt == Long.MAX_VALUE) {
            nextPaceAt = Math.max(st.now, lastCheckAt + st.config.pacing().toNanos());
        }
    }

    /** Stops pacing: a restart begins a new checklist, a close ends them all. */
    void cancelPacing() {
        nextPaceAt = Long.MAX_VALUE;
    }

    /** Forgets every transaction and stops pacing (close). */
    void clear() {
        pending.clear();
        nextPaceAt = Long.MAX_VALUE;
    }

    /** Retransmits what is due, then sends the next paced check if Ta has passed. */
    void handleTimeout(long nowNanos) {
        retransmit(nowNanos);
        if (nowNanos >= nextPaceAt) {
            paceCheck(nowNanos);
        }
    }

    private void paceCheck(long nowNanos) {
        nextPaceAt = Long.MAX_VALUE;
        IceSession s = st.session;
        if (s.remote == null || st.config.lite()) {
            return;
        }
        Optional<CandidatePair> next = s.checkList.next();
        if (next.isPresent()) {
            CandidatePair pair = next.get();
            pair.state = PairState.IN_PROGRESS;
            boolean useCandidate = st.role == IceRole.CONTROLLING && st.config.nomination() == NominationMode.AGGRESSIVE;
            sendCheck(nowNanos, pair, s, Purpose.CHECK, useCandidate);
            lastCheckAt = nowNanos;
        }
        schedulePacing();
    }

    /** Sends a Binding request on a pair, signed with the peer's password of generation {@code s}. */
    void sendCheck(long nowNanos, CandidatePair pair, IceSession s, Purpose purpose, boolean useCandidate) {
        if (s == null || s.remote == null) {
            return;
        }
        long prflxPriority = Priorities.candidate(CandidateType.PEER_REFLEXIVE, pair.local.localPreference, 1);
        StunMessage request = CheckMessages.request(TransactionId.random(st.random), s, st.role, st.tieBreaker,
                prflxPriority, useCandidate);
        byte[] bytes = CheckMessages.sign(request, s.remote);
        RetransmitPolicy policy = purpose == Purpose.CONSENT ? consentPolicy : checkPolicy;
        pending.put(request.transactionId(), new PendingCheck(purpose, pair, s, st.role, useCandidate, bytes,
                new RetransmitTimer(policy, nowNanos), nowNanos));
        pair.requestsSent++;
        sender.sendOnPair(nowNanos, pair, bytes);
    }

    private void retransmit(long nowNanos) {
        for (Iterator<PendingCheck> it = pending.values().iterator(); it.hasNext();) {
            PendingCheck p = it.next();
            switch (p.timer().onTimeout(nowNanos)) {
                case RETRANSMIT -> {
                    p.pair().requestsSent++;
                    sender.sendOnPair(nowNanos, p.pair(), p.bytes());
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

    /**
     * Applies a Binding response to the pair whose request it answers (RFC 8445 section 7.2.5).
     * Returns true when a connectivity check succeeded, i.e. when selection may have to change.
     */
    boolean onResponse(long nowNanos, StunPacket packet, InetSocketAddress remote, LocalCandidate local) {
        StunMessage m = packet.message();
        PendingCheck p = pending.get(m.transactionId());
        if (p == null || p.session().remote == null
                || !packet.isAuthentic(StunCredentials.shortTermKey(p.session().remote.password()))) {
            diagnostics.dropStun();
            return false;
        }
        pending.remove(m.transactionId());
        CandidatePair pair = p.pair();
        if (!pair.remote.address().equals(remote) || pair.local != local) {
            if (p.purpose() == Purpose.CONSENT) {
                return false; // not consent from the peer we check (RFC 7675 section 5.1); the pair keeps its state
            }
            // RFC 8445 section 7.2.5.2.1: a non-symmetric response fails the pair. The peer's own check from
            // that other address makes a peer-reflexive pair of it, whose triggered check can succeed.
            pair.state = PairState.FAILED;
            pair.nominating = false;
            pair.lastError = "response from " + IpAddresses.toText(remote) + " instead of "
                    + IpAddresses.toText(pair.remote.address());
            return false;
        }
        if (m.stunClass() == StunClass.ERROR_RESPONSE) {
            onError(m, p, pair);
            return false;
        }
        pair.responsesReceived++;
        pair.lastRttNanos = nowNanos - p.sentAt();
        pair.totalRttNanos += pair.lastRttNanos;
        pair.lastError = null;
        if (pair == st.selected) {
            st.liveness.onConsent(nowNanos);
        }
        if (p.purpose() == Purpose.CONSENT) {
            return false;
        }
        boolean wasSucceeded = pair.state == PairState.SUCCEEDED;
        pair.state = PairState.SUCCEEDED;
        if (!wasSucceeded) {
            p.session().checkList.unfreeze(pair.foundation());
            if (p.session().firstValidAt == Long.MAX_VALUE) {
                p.session().firstValidAt = nowNanos;
            }
        }
        if (p.useCandidate() && st.role == IceRole.CONTROLLING) {
            pair.nominated = true;
            pair.nominating = false;
        }
        if (pair.nominateOnSuccess && st.role == IceRole.CONTROLLED) {
            pair.nominated = true;
        }
        return true;
    }

    private void onError(StunMessage m, PendingCheck p, CandidatePair pair) {
        int code = m.errorCode().map(e -> e.code()).orElse(500);
        pair.lastError = "error " + code + m.errorCode().map(e -> " " + e.reason()).orElse("");
        if (code == 487 && p.purpose() == Purpose.CHECK) {
            // Role conflict: switch unless a request of ours already switched us, then retry.
            if (st.role == p.roleAtSend()) {
                st.switchRole();
            }
            pair.state = PairState.WAITING;
            p.session().checkList.trigger(pair);
            schedulePacing();
        } else if (p.purpose() == Purpose.CHECK) {
            pair.state = PairState.FAILED;
        }
    }

    /** The earliest of the pacing timer and every retransmission timer. */
    long deadline() {
        long d = nextPaceAt;
        for (PendingCheck p : pending.values()) {
            d = Math.min(d, p.timer().deadline());
        }
        return d;
    }
}
