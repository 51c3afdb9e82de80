package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;

/**
 * {@code a=ssrc:<ssrc> <attribute>[:<value>]} (RFC 5576 section 4.1), e.g.
 * {@code a=ssrc:1234 cname:abc} or {@code a=ssrc:1234 msid:stream track}.
 *
 * @param ssrc      0..2^32-1
 * @param attribute the source attribute name, e.g. {@code cname}
 * @param value     its value (may contain spaces), or {@code null} when there is no colon
 */
public record SsrcAttribute(long ssrc, String attribute, String value) implements AttributeValue {
    /** Attribute name. */
    public static final String NAME = "ssrc";

    /** Validates the fields. */
    public SsrcAttribute {
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ssrc out of range: " + ssrc);
        }
        if (attribute.isEmpty() || attribute.indexOf(' ') >= 0 || attribute.indexOf(':') >= 0) {
            throw new IllegalArgumentException("bad ssrc attribute name: " + attribute);
        }
    }

    /** Parses the text after {@code a=ssrc:}. */
    public static SsrcAttribute parse(String value) throws ParseException {
        String v = value.strip();
        int space = v.indexOf(' ');
        if (space < 0) {
            throw new ParseException("ssrc needs '<ssrc> <attribute>'");
        }
        long ssrc = Tokens.parseLong(v.substring(0, space), 0, 0xFFFF_FFFFL, "ssrc");
        String rest = v.substring(space + 1).stripLeading();
        int colon = rest.indexOf(':');
        String name = colon < 0 ? rest : rest.substring(0, colon);
        Tokens.requireToken(name, "ssrc attribute name");
        return new SsrcAttribute(ssrc, name, colon < 0 ? null : rest.substring(colon + 1));
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return value == null ? ssrc + " " + attribute : ssrc + " " + attribute + ":" + value;
    }
}
