package dev.jrtc.ice;

/**
 * The W3C {@code RTCIceConnectionState}, recomputed from the facts after every input rather than
 * moved by individual events, so that no input can leave it stale. Failure waits for a grace period
 * after every pair failed, as browsers do: {@code failAfterEndOfCandidates} once the peer signalled
 * end-of-candidates (its checks may still bring a working peer-reflexive pair), the longer
 * {@code failWithoutEndOfCandidates} while trickle is open (more candidates may come). Lost consent
 * is sticky until an ICE restart (RFC 7675 section 5.1).
 */
final class ConnectionStateMachine {
    private final AgentState st;
    private final Gatherer gatherer;
    private final CandidateRegistry candidates;
    private final Diagnostics diagnostics;
    private IceConnectionState state = IceConnectionState.NEW;
    private boolean consentLostSeen;
    private long stateChanges;

    ConnectionStateMachine(AgentState st, Gatherer gatherer, CandidateRegistry candidates, Diagnostics diagnostics) {
        this.st = st;
        this.gatherer = gatherer;
        this.candidates = candidates;
        this.diagnostics = diagnostics;
    }

    IceConnectionState state() {
        return state;
    }

    long stateChanges() {
        return stateChanges;
    }

    /** An ICE restart is the one way out of "consent lost". */
    void restarted() {
        consentLostSeen = false;
    }

    /** Recomputes the W3C state from the facts and reports a change. */
    void evaluate() {
        IceSession session = st.session;
        if (session.checkList.allFailed() && session.allFailedSince == Long.MAX_VALUE) {
            session.allFailedSince = st.now;
        } else if (!session.checkList.allFailed()) {
            session.allFailedSince = Long.MAX_VALUE;
        }
        IceConnectionState next;
        String reason;
        if (st.closed) {
            next = IceConnectionState.CLOSED;
            reason = "closed";
        } else if (st.liveness.isConsentLost() || consentLostSeen) {
            // Sticky until an ICE restart: consent is never silently regained (RFC 7675 section 5.1).
            next = IceConnectionState.FAILED;
            reason = "consent lost";
            if (!consentLostSeen) {
                consentLostSeen = true;
                diagnostics.explain(true);
            }
            st.selected = null;
            st.liveness.stop();
        } else if (st.selected != null) {
            if (st.liveness.isDisconnected()) {
                next = IceConnectionState.DISCONNECTED;
                reason = "nothing received on the selected pair";
            } else if (!session.checkList.hasPending() && session.remoteEndOfCandidates
                    && gatherer.state() == IceGatheringState.COMPLETE && st.previous == null
                    && session.checkList.pairs().contains(st.selected)) {
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
                    diagnostics.explain(false);
                }
                reason = diagnostics.explanation();
            } else if (next == IceConnectionState.CHECKING || next == IceConnectionState.CONNECTED) {
                diagnostics.clearExplanation();
            }
            st.out.add(new IceEvent.ConnectionStateChanged(state, next, reason));
            state = next;
            stateChanges++;
        }
    }

    /**
     * Whether nothing is left to check and the grace period for the peer has run out. The peer may
     * not have our candidates yet, or may still be checking: its next request can create a
     * peer-reflexive pair whose triggered check succeeds (RFC 8445 section 7.3.1.3), so every pair
     * having failed is not yet failure. Any new candidate or inbound check (which re-arms its pair)
     * restarts the grace period.
     */
    private boolean checksExhausted() {
        long at = failureAt();
        return at != Long.MAX_VALUE && st.now >= at;
    }

    /** When failure will be declared if nothing changes, or {@code Long.MAX_VALUE} if not on the way. */
    private long failureAt() {
        IceSession s = st.session;
        if (s.checkList.hasPending() || gatherer.state() != IceGatheringState.COMPLETE || candidates.hasPendingMdns()) {
            return Long.MAX_VALUE;
        }
        boolean noPairs = s.checkList.pairs().isEmpty();
        if (!noPairs && !s.checkList.allFailed()) {
            return Long.MAX_VALUE;
        }
        long since = Math.max(s.lastRemoteCandidateAt, s.remoteEndOfCandidatesAt);
        if (!noPairs) {
            since = Math.max(since, s.allFailedSince);
        }
        if (since == Long.MIN_VALUE) {
            return Long.MAX_VALUE; // no candidate and no end-of-candidates yet: still waiting for the peer
        }
        return since + (s.remoteEndOfCandidates ? st.config.failAfterEndOfCandidates()
                : st.config.failWithoutEndOfCandidates()).toNanos();
    }

    /** When failure would be declared, if the agent is waiting for its grace period to run out. */
    long deadline() {
        if (st.closed || st.selected != null || st.session.remote == null) {
            return Long.MAX_VALUE;
        }
        long at = failureAt();
        return at > st.now ? at : Long.MAX_VALUE;
    }
}
