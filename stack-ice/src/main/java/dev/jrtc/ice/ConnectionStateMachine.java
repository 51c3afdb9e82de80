package dev.jrtc.ice;

/**
 * The W3C {@code RTCIceConnectionState}, recomputed from the facts after every input rather than
 * moved by individual events, so that no input can leave it stale. Failure has two timings: with
 * end-of-candidates, as soon as every pair failed; with trickle and no end-of-candidates, only after
 * {@code failWithoutEndOfCandidates} without a new candidate, because more may still come. Lost
 * consent is sticky until an ICE restart (RFC 7675 section 5.1).
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

    private boolean checksExhausted() {
        IceSession s = st.session;
        if (s.checkList.hasPending() || gatherer.state() != IceGatheringState.COMPLETE || candidates.hasPendingMdns()) {
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
        return since != Long.MIN_VALUE && st.now - since >= st.config.failWithoutEndOfCandidates().toNanos();
    }

    private static long lastActivity(IceSession s) {
        return s.checkList.pairs().isEmpty() ? Long.MIN_VALUE : s.allFailedSince;
    }

    /** When trickle-without-end-of-candidates failure would be declared, if the agent is waiting for it. */
    long deadline() {
        IceSession s = st.session;
        if (state != IceConnectionState.CHECKING || s.remoteEndOfCandidates) {
            return Long.MAX_VALUE;
        }
        long since = Math.max(s.lastRemoteCandidateAt, lastActivity(s));
        if (since == Long.MIN_VALUE || since == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long at = since + st.config.failWithoutEndOfCandidates().toNanos();
        return at > st.now ? at : Long.MAX_VALUE;
    }
}
