package dev.jrtc.ice;

import java.util.ArrayList;
import java.util.List;

/**
 * One ICE generation: the credentials on both sides, the peer's candidates and the checklist. An
 * ICE restart starts a new session; the old one keeps the selected pair alive until the new one
 * selects.
 */
final class IceSession {
    final IceCredentials local;
    IceCredentials remote;
    final List<RemoteCandidate> remotes = new ArrayList<>();
    final CheckList checkList;
    boolean remoteEndOfCandidates;
    long remoteEndOfCandidatesAt = Long.MIN_VALUE;
    int peerReflexiveCount;
    long lastRemoteCandidateAt = Long.MIN_VALUE;
    long firstValidAt = Long.MAX_VALUE;
    long allFailedSince = Long.MAX_VALUE;
    /** Remote candidates that were refused by policy (loopback, link-local), for the explanation. */
    final List<Candidate> refusedRemotes = new ArrayList<>();
    final List<Candidate> unresolvedMdns = new ArrayList<>();

    IceSession(IceCredentials local, int maxPairs) {
        this.local = local;
        this.checkList = new CheckList(maxPairs);
    }
}
