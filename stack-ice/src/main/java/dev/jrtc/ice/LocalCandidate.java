package dev.jrtc.ice;

import dev.jrtc.ice.turn.TurnClient;
import java.net.InetSocketAddress;

/**
 * A candidate of ours and how to send from it: from the socket at {@code base}, through a TURN
 * relay, or over an accepted TCP connection.
 */
final class LocalCandidate {
    final Candidate candidate;
    /** The real transport address (the relayed address for a relay candidate). */
    final InetSocketAddress address;
    /** The socket that sends and receives for this candidate. */
    final InetSocketAddress base;
    /** For relayed candidates, the allocation; otherwise null. */
    final TurnClient relay;
    final int localPreference;

    LocalCandidate(Candidate candidate, InetSocketAddress address, InetSocketAddress base, TurnClient relay,
            int localPreference) {
        this.candidate = candidate;
        this.address = address;
        this.base = base;
        this.relay = relay;
        this.localPreference = localPreference;
    }

    CandidateType type() {
        return candidate.type();
    }

    Transport transport() {
        return candidate.transport();
    }

    @Override
    public String toString() {
        return candidate.type().sdpName() + " " + IpAddresses.toText(address) + "/" + candidate.transport();
    }
}
