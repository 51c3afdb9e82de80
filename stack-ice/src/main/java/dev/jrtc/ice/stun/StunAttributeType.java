package dev.jrtc.ice.stun;

/**
 * STUN attribute type numbers used by ICE, TURN and WebRTC. Types below 0x8000 are
 * comprehension-required: a request carrying one we do not know gets a 420 response.
 */
public final class StunAttributeType {
    public static final int MAPPED_ADDRESS = 0x0001;
    public static final int USERNAME = 0x0006;
    public static final int MESSAGE_INTEGRITY = 0x0008;
    public static final int ERROR_CODE = 0x0009;
    public static final int UNKNOWN_ATTRIBUTES = 0x000A;
    public static final int CHANNEL_NUMBER = 0x000C;
    public static final int LIFETIME = 0x000D;
    public static final int XOR_PEER_ADDRESS = 0x0012;
    public static final int DATA = 0x0013;
    public static final int REALM = 0x0014;
    public static final int NONCE = 0x0015;
    public static final int XOR_RELAYED_ADDRESS = 0x0016;
    public static final int REQUESTED_ADDRESS_FAMILY = 0x0017;
    public static final int EVEN_PORT = 0x0018;
    public static final int REQUESTED_TRANSPORT = 0x0019;
    public static final int DONT_FRAGMENT = 0x001A;
    public static final int MESSAGE_INTEGRITY_SHA256 = 0x001C;
    public static final int PASSWORD_ALGORITHM = 0x001D;
    public static final int USERHASH = 0x001E;
    public static final int XOR_MAPPED_ADDRESS = 0x0020;
    public static final int RESERVATION_TOKEN = 0x0022;
    public static final int PRIORITY = 0x0024;
    public static final int USE_CANDIDATE = 0x0025;
    public static final int CONNECTION_ID = 0x002A;
    public static final int PASSWORD_ALGORITHMS = 0x8002;
    public static final int ALTERNATE_DOMAIN = 0x8003;
    public static final int SOFTWARE = 0x8022;
    public static final int ALTERNATE_SERVER = 0x8023;
    public static final int FINGERPRINT = 0x8028;
    public static final int ICE_CONTROLLED = 0x8029;
    public static final int ICE_CONTROLLING = 0x802A;
    public static final int RESPONSE_ORIGIN = 0x802B;
    public static final int OTHER_ADDRESS = 0x802C;
    /** libwebrtc's network cost and ID; optional, ignored by us. */
    public static final int GOOG_NETWORK_INFO = 0xC057;

    private StunAttributeType() {
    }

    /** Whether an agent that does not know {@code type} must reject the request (RFC 8489, section 14). */
    public static boolean isComprehensionRequired(int type) {
        return type < 0x8000;
    }

    /** Whether the value of {@code type} is an address XORed with the magic cookie and transaction ID. */
    static boolean isXorAddress(int type) {
        return type == XOR_MAPPED_ADDRESS || type == XOR_PEER_ADDRESS || type == XOR_RELAYED_ADDRESS;
    }

    /** Whether the value of {@code type} is a plain address. */
    static boolean isPlainAddress(int type) {
        return type == MAPPED_ADDRESS || type == ALTERNATE_SERVER || type == RESPONSE_ORIGIN || type == OTHER_ADDRESS;
    }

    /** Whether the value of {@code type} is UTF-8 text. */
    static boolean isText(int type) {
        return type == USERNAME || type == REALM || type == NONCE || type == SOFTWARE || type == ALTERNATE_DOMAIN;
    }

    /** Whether we know {@code type}, so it is not "unknown" for the 420 rule. */
    public static boolean isKnown(int type) {
        return switch (type) {
            case MAPPED_ADDRESS, USERNAME, MESSAGE_INTEGRITY, ERROR_CODE, UNKNOWN_ATTRIBUTES, CHANNEL_NUMBER,
                    LIFETIME, XOR_PEER_ADDRESS, DATA, REALM, NONCE, XOR_RELAYED_ADDRESS, REQUESTED_ADDRESS_FAMILY,
                    EVEN_PORT, REQUESTED_TRANSPORT, DONT_FRAGMENT, MESSAGE_INTEGRITY_SHA256, PASSWORD_ALGORITHM,
                    USERHASH, XOR_MAPPED_ADDRESS, RESERVATION_TOKEN, PRIORITY, USE_CANDIDATE, CONNECTION_ID,
                    PASSWORD_ALGORITHMS, ALTERNATE_DOMAIN, SOFTWARE, ALTERNATE_SERVER, FINGERPRINT, ICE_CONTROLLED,
                    ICE_CONTROLLING, RESPONSE_ORIGIN, OTHER_ADDRESS, GOOG_NETWORK_INFO -> true;
            default -> false;
        };
    }
}
