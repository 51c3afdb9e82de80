package dev.jrtc.peerconnection.api;

import java.util.Objects;

/**
 * A trickled ICE candidate (W3C {@code RTCIceCandidateInit}).
 *
 * @param candidate {@code candidate:...}, or the empty string for end-of-candidates
 * @param sdpMid the media section it belongs to
 * @param sdpMLineIndex that section's index
 */
public record RTCIceCandidate(String candidate, String sdpMid, int sdpMLineIndex) {
    /** Checks the fields. */
    public RTCIceCandidate {
        Objects.requireNonNull(candidate, "candidate");
    }

    /** Whether this is the end-of-candidates marker. */
    public boolean isEndOfCandidates() {
        return candidate.isEmpty();
    }
}
