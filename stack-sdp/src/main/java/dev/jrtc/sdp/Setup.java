package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;

/** {@code a=setup:<role>} (RFC 4145, RFC 8842): which side opens the DTLS connection. */
public enum Setup implements AttributeValue {
    /** This side will start the DTLS handshake (client). */
    ACTIVE("active"),
    /** This side will wait for the handshake (server). */
    PASSIVE("passive"),
    /** Either; only valid in an offer. */
    ACTPASS("actpass"),
    /** Do not connect yet. */
    HOLDCONN("holdconn");

    /** Attribute name. */
    public static final String NAME = "setup";

    private final String token;

    Setup(String token) {
        this.token = token;
    }

    /** Parses the text after {@code a=setup:}. */
    public static Setup parse(String value) throws ParseException {
        String v = value.strip();
        for (Setup s : values()) {
            if (s.token.equals(v)) {
                return s;
            }
        }
        throw new ParseException("setup must be active, passive, actpass or holdconn, got '" + Tokens.shorten(v) + "'");
    }

    /** The token, e.g. {@code actpass}. */
    public String token() {
        return token;
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return token;
    }
}
