package dev.jrtc.peerconnection.engine;

/** The W3C {@code RTCSignalingState} (RFC 9429 section 3.2). */
public enum SignalingState {
    /** No offer/answer exchange is under way. */
    STABLE,
    /** We applied our own offer and wait for the answer. */
    HAVE_LOCAL_OFFER,
    /** We applied the peer's offer and owe an answer. */
    HAVE_REMOTE_OFFER,
    /** The connection is closed. */
    CLOSED
}
