package dev.jrtc.dtls;

/** Why a received datagram never reached the DTLS state machine; each has a counter in {@link DtlsStats}. */
public enum DtlsDropReason {
    /** Not DTLS record framing: short, wrong content type or version, lengths that do not add up. */
    MALFORMED,
    /** Larger than any DTLS datagram a peer should send. */
    OVERSIZED_DATAGRAM,
    /** A handshake fragment that claims a message longer than the configured cap. */
    OVERSIZED_HANDSHAKE_MESSAGE,
    /** A tiny handshake fragment in the middle of a message: a reassembly-cost attack, not a real peer. */
    TINY_HANDSHAKE_FRAGMENT,
    /** The handshake thread is behind and the bounded inbound queue is full. */
    QUEUE_FULL,
    /** Arrived before {@code start} or after the association closed. */
    NOT_RUNNING
}
