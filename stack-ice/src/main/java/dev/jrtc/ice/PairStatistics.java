package dev.jrtc.ice;

/**
 * A snapshot of one candidate pair's counters, like the W3C {@code RTCIceCandidatePairStats}.
 *
 * @param state the pair state
 * @param nominated whether the pair is nominated
 * @param requestsSent connectivity and consent checks sent, retransmissions included
 * @param requestsReceived authenticated checks received
 * @param responsesReceived authenticated success responses received
 * @param responsesSent success responses sent
 * @param lastRttNanos RTT of the last response, or -1
 * @param totalRttNanos sum of RTTs
 * @param lastError the last failure (timeout, error code), or null
 */
public record PairStatistics(Candidate local, Candidate remote, PairState state, boolean nominated, long requestsSent,
        long requestsReceived, long responsesReceived, long responsesSent, long lastRttNanos, long totalRttNanos,
        String lastError) {
}
