package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.List;

/**
 * {@code a=group:<semantics> <mid> ...} (RFC 5888), e.g. {@code a=group:BUNDLE 0 1 2} (RFC 9143).
 *
 * @param semantics e.g. {@code BUNDLE}, {@code LS}
 * @param mids      the identification tags, in order; may be empty
 */
public record Group(String semantics, List<String> mids) implements AttributeValue {
    /** Attribute name. */
    public static final String NAME = "group";
    /** The BUNDLE semantics (RFC 9143). */
    public static final String BUNDLE = "BUNDLE";

    /** Validates and copies. */
    public Group {
        if (semantics.isEmpty() || semantics.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("bad group semantics: " + semantics);
        }
        mids = List.copyOf(mids);
    }

    /** A BUNDLE group. */
    public static Group bundle(List<String> mids) {
        return new Group(BUNDLE, mids);
    }

    /** Parses the text after {@code a=group:}. */
    public static Group parse(String value) throws ParseException {
        List<String> f = Tokens.fields(value);
        if (f.isEmpty()) {
            throw new ParseException("group needs semantics");
        }
        return new Group(f.get(0), f.subList(1, f.size()));
    }

    /** True for BUNDLE. */
    public boolean isBundle() {
        return BUNDLE.equals(semantics);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids);
    }
}
