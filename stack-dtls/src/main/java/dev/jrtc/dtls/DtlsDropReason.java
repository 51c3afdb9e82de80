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
    NOT_RUNNING,
    /** An encrypted record whose AES-GCM tag did not verify (forged, corrupted, or not for these keys). */
    RECORD_AUTHENTICATION_FAILED,
    /** A record whose sequence number the anti-replay window (RFC 6347 section 4.1.2.6) has already seen or left behind. */
    REPLAYED_RECORD,
    /** An encrypted record of an epoch other than the connection's. */
    WRONG_EPOCH
}
