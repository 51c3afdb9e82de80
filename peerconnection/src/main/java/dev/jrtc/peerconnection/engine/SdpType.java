package dev.jrtc.peerconnection.engine;

/** The W3C {@code RTCSdpType} values this stack supports. */
public enum SdpType {
    /** An offer. */
    OFFER,
    /** A final answer. */
    ANSWER,
    /** Undoes the pending offer (RFC 9429 section 4.1.10.2): back to the last stable state. */
    ROLLBACK;

    /** The lower-case W3C token. */
    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a W3C token such as {@code "offer"}. */
    public static SdpType of(String token) {
        for (SdpType t : values()) {
            if (t.token().equals(token)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported SDP type '" + token + "' (offer, answer and rollback are supported)");
    }
}
