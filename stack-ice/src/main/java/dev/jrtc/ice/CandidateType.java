package dev.jrtc.ice;

/** The four ICE candidate types (RFC 8445, section 5.1.1) with their recommended type preferences. */
public enum CandidateType {
    HOST("host", 126), SERVER_REFLEXIVE("srflx", 100), PEER_REFLEXIVE("prflx", 110), RELAYED("relay", 0);

    private final String sdpName;
    private final int typePreference;

    CandidateType(String sdpName, int typePreference) {
        this.sdpName = sdpName;
        this.typePreference = typePreference;
    }

    /** The token in an SDP candidate line: host, srflx, prflx, relay. */
    public String sdpName() {
        return sdpName;
    }

    /** The type preference used in the priority formula. */
    public int typePreference() {
        return typePreference;
    }

    /** The type for an SDP token, or null. */
    static CandidateType fromSdp(String token) {
        for (CandidateType t : values()) {
            if (t.sdpName.equalsIgnoreCase(token)) {
                return t;
            }
        }
        return null;
    }
}
