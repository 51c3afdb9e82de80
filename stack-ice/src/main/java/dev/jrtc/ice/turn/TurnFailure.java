package dev.jrtc.ice.turn;

/**
 * Why a TURN allocation did not happen or was lost.
 *
 * @param kind the class of failure, for diagnostics
 * @param code the STUN error code the server sent, or 0 when it sent none
 * @param reason the server's reason phrase, or our own description
 */
public record TurnFailure(Kind kind, int code, String reason) {
    /** Classes of failure. */
    public enum Kind {
        /** No response to Allocate: the server could not be reached. */
        TIMEOUT,
        /** The server refused our credentials (401 after we authenticated, or 441). */
        AUTH_FAILED,
        /** The server answered with another error (e.g. 437, 442, 486, 508). */
        ALLOCATION_FAILED,
        /** A refresh failed or timed out after the allocation had succeeded. */
        ALLOCATION_LOST,
        /** The TCP or TLS connection to the server failed or broke. */
        CONNECTION_FAILED
    }
}
