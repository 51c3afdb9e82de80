package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code a=msid:<stream id>[ <track id>]} (RFC 8830). A stream id of {@code -} means the track
 * belongs to no stream.
 *
 * @param streamId the MediaStream id
 * @param trackId  the track id (the "appdata"), if written
 */
public record Msid(String streamId, Optional<String> trackId) implements AttributeValue {
    /** Attribute name. */
    public static final String NAME = "msid";

    /** Validates the fields. */
    public Msid {
        requireId(streamId);
        trackId.ifPresent(Msid::requireId);
    }

    private static void requireId(String id) {
        if (id.isEmpty() || id.indexOf(' ') >= 0 || id.indexOf('\t') >= 0) {
            throw new IllegalArgumentException("bad msid id: '" + id + "'");
        }
    }

    /** An msid with both ids. */
    public static Msid of(String streamId, String trackId) {
        return new Msid(streamId, Optional.of(trackId));
    }

    /** Parses the text after {@code a=msid:}. */
    public static Msid parse(String value) throws ParseException {
        List<String> f = Tokens.fields(value);
        if (f.isEmpty() || f.size() > 2) {
            throw new ParseException("msid needs '<stream id>[ <track id>]'");
        }
        return new Msid(f.get(0), f.size() == 2 ? Optional.of(f.get(1)) : Optional.empty());
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return trackId.map(t -> streamId + " " + t).orElse(streamId);
    }
}
