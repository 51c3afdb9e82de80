package dev.jrtc.ice.turn;

/** How the client reaches the TURN server: {@code turn:...?transport=udp|tcp} or {@code turns:} (TLS over TCP). */
public enum TurnTransport {
    UDP, TCP, TLS;

    /** Whether the transport is a byte stream, so messages need framing and nothing is retransmitted. */
    public boolean isStream() {
        return this != UDP;
    }
}
