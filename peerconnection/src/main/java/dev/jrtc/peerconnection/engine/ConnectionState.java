package dev.jrtc.peerconnection.engine;

/** The W3C {@code RTCPeerConnectionState}: ICE and DTLS taken together. */
public enum ConnectionState {
    /** Nothing has started yet. */
    NEW,
    /** ICE checks or the DTLS handshake are under way. */
    CONNECTING,
    /** ICE has a selected pair and DTLS is connected. */
    CONNECTED,
    /** ICE lost connectivity for now; it may come back. */
    DISCONNECTED,
    /** ICE or DTLS failed; this connection will not recover without a restart. */
    FAILED,
    /** {@code close()} was called. */
    CLOSED
}
