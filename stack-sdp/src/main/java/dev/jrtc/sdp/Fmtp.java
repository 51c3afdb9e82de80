package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code a=fmtp:<format> <format specific parameters>} (RFC 8866 section 6.15). The parameters are
 * kept as written; {@link #parameterMap()} reads the common {@code key=value;key=value} form.
 *
 * @param format     the payload type (or, for non-RTP media, the format token)
 * @param parameters the text after the first space; empty if there is none
 */
public record Fmtp(String format, String parameters) implements AttributeValue {
    /** Attribute name. */
    public static final String NAME = "fmtp";

    /** Validates the fields. */
    public Fmtp {
        if (format.isEmpty() || format.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("bad fmtp format: " + format);
        }
        parameters = parameters.strip();
    }

    /** An fmtp line for an RTP payload type written from a parameter map. */
    public static Fmtp of(int payloadType, Map<String, String> parameters) {
        return new Fmtp(Integer.toString(payloadType), formatParameters(parameters));
    }

    /** Parses the text after {@code a=fmtp:}. */
    public static Fmtp parse(String value) throws ParseException {
        String v = value.stripLeading();
        int space = v.indexOf(' ');
        String format = space < 0 ? v : v.substring(0, space);
        if (format.isEmpty()) {
            throw new ParseException("fmtp needs a format");
        }
        return new Fmtp(format, space < 0 ? "" : v.substring(space + 1));
    }

    /**
     * The parameters as an ordered map. {@code a=b} gives {@code a -> b}; a part without {@code =}
     * (telephone-event's {@code 0-15}, RED's {@code 111/111}) maps to an empty string.
     */
    public Map<String, String> parameterMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : parameters.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                out.putIfAbsent(p, "");
            } else {
                out.putIfAbsent(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Writes a map back as {@code a=b;c=d}; an empty value writes the key alone. */
    public static String formatParameters(Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder();
        for (var e : parameters.entrySet()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(e.getKey());
            if (!e.getValue().isEmpty()) {
                sb.append('=').append(e.getValue());
            }
        }
        return sb.toString();
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return parameters.isEmpty() ? format : format + " " + parameters;
    }
}
