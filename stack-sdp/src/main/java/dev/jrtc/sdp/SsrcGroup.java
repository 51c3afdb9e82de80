package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=ssrc-group:<semantics> <ssrc> ...} (RFC 5576 section 4.2), e.g. {@code FID} (a media
 * SSRC and its RTX SSRC) or {@code SIM} (simulcast layers).
 *
 * @param semantics e.g. {@code FID}, {@code SIM}, {@code FEC-FR}
 * @param ssrcs     at least one SSRC, in order
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) implements AttributeValue {
    /** Attribute name. */
    public static final String NAME = "ssrc-group";
    /** Flow identification: primary SSRC then its retransmission SSRC. */
    public static final String FID = "FID";
    /** Simulcast layers. */
    public static final String SIM = "SIM";

    /** Validates and copies. */
    public SsrcGroup {
        if (semantics.isEmpty() || semantics.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("bad ssrc-group semantics: " + semantics);
        }
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.isEmpty()) {
            throw new IllegalArgumentException("ssrc-group needs at least one ssrc");
        }
        for (long s : ssrcs) {
            if (s < 0 || s > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("ssrc out of range: " + s);
            }
        }
    }

    /** Parses the text after {@code a=ssrc-group:}. */
    public static SsrcGroup parse(String value) throws ParseException {
        List<String> f = Tokens.fields(value);
        if (f.size() < 2) {
            throw new ParseException("ssrc-group needs '<semantics> <ssrc> ...'");
        }
        List<Long> ssrcs = new ArrayList<>();
        for (String s : f.subList(1, f.size())) {
            ssrcs.add(Tokens.parseLong(s, 0, 0xFFFF_FFFFL, "ssrc-group ssrc"));
        }
        return new SsrcGroup(f.get(0), ssrcs);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        StringBuilder sb = new StringBuilder(semantics);
        for (long s : ssrcs) {
            sb.append(' ').append(s);
        }
        return sb.toString();
    }
}
