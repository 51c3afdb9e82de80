package dev.jrtc.ice;

/** A local and a remote candidate, with the pair's check state and counters. */
final class CandidatePair {
    final LocalCandidate local;
    /** Replaced once, when a signalled candidate turns out to be this peer-reflexive one. */
    RemoteCandidate remote;
    /** For a pair over an accepted ICE-TCP connection, its ID; otherwise -1. */
    final int tcpConnection;
    long priority;
    PairState state = PairState.FROZEN;
    boolean nominated;
    /** The peer nominated this pair before our own check succeeded (RFC 8445 section 7.3.1.5). */
    boolean nominateOnSuccess;
    /** We sent USE-CANDIDATE on this pair and are waiting for the answer. */
    boolean nominating;
    long requestsSent;
    long requestsReceived;
    long responsesReceived;
    long responsesSent;
    long lastRttNanos = -1;
    long totalRttNanos;
    String lastError;

    CandidatePair(LocalCandidate local, RemoteCandidate remote, int tcpConnection) {
        this.local = local;
        this.remote = remote;
        this.tcpConnection = tcpConnection;
    }

    String foundation() {
        return local.candidate.foundation() + ":" + remote.candidate().foundation();
    }

    void computePriority(IceRole role) {
        long l = local.candidate.priority();
        long r = remote.candidate().priority();
        priority = role == IceRole.CONTROLLING ? Priorities.pair(l, r) : Priorities.pair(r, l);
    }

    /**
     * The peer signalled the candidate we had learnt as peer-reflexive (a late trickle, or an mDNS name
     * that resolved after the peer's checks arrived): the pair keeps its state and takes the
     * signalled type and priority (RFC 8445 section 7.3.1.3).
     */
    void replaceRemote(RemoteCandidate signalled, IceRole role) {
        remote = signalled;
        computePriority(role);
    }

    PairStatistics snapshot() {
        return new PairStatistics(local.candidate, remote.candidate(), state, nominated, requestsSent, requestsReceived,
                responsesReceived, responsesSent, lastRttNanos, totalRttNanos, lastError);
    }

    @Override
    public String toString() {
        return local + " -> " + remote + " " + state + (nominated ? " nominated" : "");
    }
}
