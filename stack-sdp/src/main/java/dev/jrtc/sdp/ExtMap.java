package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code a=extmap:<id>[/<direction>] <uri>[ <attributes>]} (RFC 8285 section 8): an RTP header
 * extension and the id it uses in this session.
 *
 * @param id         1..14 (one-byte), 1..255 (two-byte) or 4096..4351 (offer-only)
 * @param direction  the optional direction
 * @param uri        the extension's URI
 * @param attributes extension attributes after the URI, or empty
 */
public record ExtMap(int id, Optional<Direction> direction, String uri, String attributes) implements AttributeValue {
    /** Attribute name. */
    public static final String NAME = "extmap";

    /** Validates the fields. */
    public ExtMap {
        if (!validId(id)) {
            throw new IllegalArgumentException("extmap id must be 1..255 or 4096..4351: " + id);
        }
        if (uri.isEmpty() || uri.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("bad extmap uri: " + uri);
        }
        attributes = attributes.strip();
    }

    /** An extmap without direction or attributes. */
    public static ExtMap of(int id, String uri) {
        return new ExtMap(id, Optional.empty(), uri, "");
    }

    private static boolean validId(int id) {
        return (id >= 1 && id <= 255) || (id >= 4096 && id <= 4351);
    }

    /** Parses the text after {@code a=extmap:}. */
    public static ExtMap parse(String value) throws ParseException {
        List<String> f = Tokens.fields(value);
        if (f.size() < 2) {
            throw new ParseException("extmap needs '<id> <uri>'");
        }
        String idPart = f.get(0);
        Optional<Direction> direction = Optional.empty();
        int slash = idPart.indexOf('/');
        if (slash >= 0) {
            String d = idPart.substring(slash + 1);
            direction = Direction.fromName(d);
            if (direction.isEmpty()) {
                throw new ParseException("extmap direction must be sendrecv, sendonly, recvonly or inactive: '"
                        + Tokens.shorten(d) + "'");
            }
            idPart = idPart.substring(0, slash);
        }
        int id = Tokens.parseInt(idPart, 1, 4351, "extmap id");
        if (!validId(id)) {
            throw new ParseException("extmap id must be 1..255 or 4096..4351, got " + id);
        }
        return new ExtMap(id, direction, f.get(1), String.join(" ", f.subList(2, f.size())));
    }

    /** This mapping with another id. */
    public ExtMap withId(int newId) {
        return new ExtMap(newId, direction, uri, attributes);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        StringBuilder sb = new StringBuilder().append(id);
        direction.ifPresent(d -> sb.append('/').append(d.token()));
        sb.append(' ').append(uri);
        if (!attributes.isEmpty()) {
            sb.append(' ').append(attributes);
        }
        return sb.toString();
    }
}
