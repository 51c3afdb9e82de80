package dev.jrtc.sctp.assoc;

import dev.jrtc.sctp.packet.Chunk;

/** A DATA chunk sent and not yet acknowledged by the cumulative TSN ack point. */
final class Outstanding {
    enum State {
        /** Sent and counted in the flight size. */
        IN_FLIGHT,
        /** Reported in a gap block; not in flight, kept until the ack point passes it. */
        GAP_ACKED,
        /** Lost (fast retransmit or T3); waiting for room in the window. */
        TO_RETRANSMIT,
        /** Given up under the message's partial-reliability policy (RFC 3758). */
        ABANDONED
    }

    final Chunk.Data chunk;
    final OutboundMessage message;
    State state = State.IN_FLIGHT;
    int transmissions = 1;
    boolean queuedForRetransmit;
    /** When it was last (re)transmitted, for time-based loss detection. */
    long sentAt;
    /** The recovery episode in which it was last marked lost (for undo), or 0. */
    int lostEpisode;

    Outstanding(Chunk.Data chunk, OutboundMessage message) {
        this.chunk = chunk;
        this.message = message;
    }

    long tsn() {
        return chunk.tsn();
    }

    int bytes() {
        return chunk.length();
    }
}
