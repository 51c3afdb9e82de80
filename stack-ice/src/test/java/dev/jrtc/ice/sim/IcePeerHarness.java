package dev.jrtc.ice.sim;

import dev.jrtc.ice.Candidate;

/** Signalling helpers for tests that do the offer/answer by hand. */
public final class IcePeerHarness {
    private IcePeerHarness() {
    }

    /** Non-trickle offer/answer: credentials, every gathered candidate, then end-of-candidates, both ways. */
    public static void offerAnswer(SimNetwork net, IcePeer a, IcePeer b) {
        net.call(a.agent, now -> a.agent.setRemoteCredentials(now, b.agent.localCredentials()));
        net.call(b.agent, now -> b.agent.setRemoteCredentials(now, a.agent.localCredentials()));
        for (Candidate c : a.agent.localCandidates()) {
            net.call(b.agent, now -> b.agent.addRemoteCandidate(now, c));
        }
        for (Candidate c : b.agent.localCandidates()) {
            net.call(a.agent, now -> a.agent.addRemoteCandidate(now, c));
        }
        net.call(a.agent, now -> a.agent.endOfRemoteCandidates(now));
        net.call(b.agent, now -> b.agent.endOfRemoteCandidates(now));
    }
}
