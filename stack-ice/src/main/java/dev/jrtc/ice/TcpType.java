package dev.jrtc.ice;

/** The RFC 6544 TCP candidate types. */
public enum TcpType {
    ACTIVE, PASSIVE, SO;

    /** The SDP token. */
    public String sdpName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
