package dev.jrtc.ice.stun;

/** The four STUN message classes (RFC 8489, section 5), spread over bits C1 and C0 of the message type. */
public enum StunClass {
    REQUEST(0b00), INDICATION(0b01), SUCCESS_RESPONSE(0b10), ERROR_RESPONSE(0b11);

    private final int bits;

    StunClass(int bits) {
        this.bits = bits;
    }

    /** The two class bits, C1 then C0. */
    int bits() {
        return bits;
    }

    static StunClass fromBits(int bits) {
        return values()[bits & 0b11];
    }

    /** Whether this is a success or error response, which is matched to a request by transaction ID. */
    public boolean isResponse() {
        return this == SUCCESS_RESPONSE || this == ERROR_RESPONSE;
    }
}
