package dev.jrtc.ice;

import java.util.Optional;

/**
 * Which pair carries data. The controlling agent with regular nomination (RFC 8445 section
 * 8.1.1) waits {@code regularNominationWait} after the first valid pair for better ones, then sends
 * USE-CANDIDATE on the best valid pair; with aggressive nomination every check already carries it.
 * Both sides then select the best nominated pair, and a later, better nomination replaces it.
 */
final class NominationPolicy {
    private final AgentState st;
    private final CheckScheduler checks;

    NominationPolicy(AgentState st, CheckScheduler checks) {
        this.st = st;
        this.checks = checks;
    }

    /** Regular nomination by the controlling agent: pick the best valid pair once better ones are unlikely. */
    void maybeNominate(long nowNanos) {
        IceConfig config = st.config;
        IceSession session = st.session;
        if (st.role != IceRole.CONTROLLING || config.lite() || config.nomination() != NominationMode.REGULAR
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
        checks.sendCheck(nowNanos, best.get(), session, CheckScheduler.Purpose.CHECK, true);
    }

    /** When the wait for better pairs ends, if the agent is waiting. */
    long deadline() {
        IceSession session = st.session;
        if (st.role != IceRole.CONTROLLING || st.config.nomination() != NominationMode.REGULAR
                || session.firstValidAt == Long.MAX_VALUE || session.checkList.bestNominatedOrNull() != null) {
            return Long.MAX_VALUE;
        }
        // Only a future instant is a timer; once it has passed, responses drive nomination.
        long at = session.firstValidAt + st.config.regularNominationWait().toNanos();
        return at > st.now ? at : Long.MAX_VALUE;
    }

    /** Selects the best nominated pair of the current generation, or nominates one if it is our job. */
    void maybeSelect(long nowNanos) {
        Optional<CandidatePair> best = st.session.checkList.bestNominated();
        if (best.isEmpty()) {
            if (st.role == IceRole.CONTROLLING && st.config.nomination() == NominationMode.REGULAR) {
                maybeNominate(nowNanos);
            }
            return;
        }
        CandidatePair pair = best.get();
        CandidatePair selected = st.selected;
        if (pair == selected) {
            return;
        }
        boolean fromOldGeneration = st.previous != null;
        // Keep a selected pair of this generation unless the new one is better or consent was lost.
        if (selected != null && !fromOldGeneration && selected.priority >= pair.priority
                && st.session.checkList.pairs().contains(selected) && !st.liveness.isConsentLost()) {
            return;
        }
        st.selected = pair;
        st.previous = null;
        st.liveness.start(nowNanos);
        if (pair.local.relay != null) {
            // ChannelData costs 4 bytes instead of a 36-byte Send indication on every packet.
            pair.local.relay.bindChannel(nowNanos, pair.remote.address());
        }
        st.out.add(new IceEvent.SelectedPairChanged(pair.local.candidate, pair.remote.candidate()));
    }
}
