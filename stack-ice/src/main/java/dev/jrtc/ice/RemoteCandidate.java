package dev.jrtc.ice;

import java.net.InetSocketAddress;

/** A peer's candidate at a known IP (mDNS names are resolved before one of these exists). */
record RemoteCandidate(Candidate candidate, InetSocketAddress address) {
    RemoteCandidate {
        address = IpAddresses.normalize(address);
    }

    CandidateType type() {
        return candidate.type();
    }

    @Override
    public String toString() {
        return candidate.type().sdpName() + " " + IpAddresses.toText(address);
    }
}
