package dev.jrtc.ice;

/**
 * What the agent counts and explains for humans: dropped STUN and data, and the failure paragraph
 * built by {@link FailureExplainer} from the facts at the moment of failure. The facts are frozen
 * when the failure happens, because later events (a restart, a close) would change the story.
 */
final class Diagnostics {
    private final AgentState st;
    private final Gatherer gatherer;
    private String explanation;
    private long droppedStun;
    private long droppedData;

    Diagnostics(AgentState st, Gatherer gatherer) {
        this.st = st;
        this.gatherer = gatherer;
    }

    /** STUN that failed parsing or authentication, or that policy refused. */
    void dropStun() {
        droppedStun++;
    }

    /** Non-STUN data from a source ICE has not validated, or on no socket of ours. */
    void dropData() {
        droppedData++;
    }

    long droppedPackets() {
        return droppedStun + droppedData;
    }

    String explanation() {
        return explanation;
    }

    void clearExplanation() {
        explanation = null;
    }

    /** Records why the current generation failed, from what it knows now. */
    void explain(boolean consentLost) {
        IceSession s = st.session;
        explanation = FailureExplainer.explain(new FailureExplainer.Facts(consentLost, gatherer.locals(),
                s.remotes, s.refusedRemotes, s.unresolvedMdns, s.checkList.pairs(),
                gatherer.results(), s.remote != null));
    }
}
