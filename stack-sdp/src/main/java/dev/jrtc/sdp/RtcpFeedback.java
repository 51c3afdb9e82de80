package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.List;

/**
 * {@code a=rtcp-fb:<payload type|*> <type>[ <parameter>]} (RFC 4585 section 4.2), e.g.
 * {@code 96 nack pli}, {@code 96 ccm fir}, {@code 111 transport-cc}.
 *
 * @param payloadType a payload type number, or {@code *} for every format of the section
 * @param type        the feedback type, e.g. {@code nack}
 * @param parameter   the rest (e.g. {@code pli}), or empty
 */
public record RtcpFeedback(String payloadType, String type, String parameter) implements AttributeValue {
    /** Attribute name. */
    public static final String NAME = "rtcp-fb";
    /** The wildcard payload type. */
    public static final String ANY = "*";

    /** Validates the fields. */
    public RtcpFeedback {
        if (!ANY.equals(payloadType) && !Tokens.isDigits(payloadType)) {
            throw new IllegalArgumentException("rtcp-fb payload type must be a number or *: " + payloadType);
        }
        if (type.isEmpty() || type.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("bad rtcp-fb type: " + type);
        }
        parameter = parameter.strip();
    }

    /** A feedback line for one payload type. */
    public static RtcpFeedback of(int payloadType, String type, String parameter) {
        return new RtcpFeedback(Integer.toString(payloadType), type, parameter);
    }

    /** Parses the text after {@code a=rtcp-fb:}. */
    public static RtcpFeedback parse(String value) throws ParseException {
        List<String> f = Tokens.fields(value);
        if (f.size() < 2) {
            throw new ParseException("rtcp-fb needs '<payload type> <type>'");
        }
        String pt = f.get(0);
        if (!ANY.equals(pt)) {
            pt = Integer.toString(Tokens.parseInt(pt, 0, 127, "rtcp-fb payload type"));
        }
        return new RtcpFeedback(pt, f.get(1), String.join(" ", f.subList(2, f.size())));
    }

    /** True when this feedback applies to {@code pt} (its own number or the wildcard). */
    public boolean appliesTo(int pt) {
        return ANY.equals(payloadType) || payloadType.equals(Integer.toString(pt));
    }

    /** Same type and parameter, ignoring case and the payload type. */
    public boolean sameKind(RtcpFeedback other) {
        return type.equalsIgnoreCase(other.type) && parameter.equalsIgnoreCase(other.parameter);
    }

    /** This feedback moved to another payload type. */
    public RtcpFeedback withPayloadType(int pt) {
        return new RtcpFeedback(Integer.toString(pt), type, parameter);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return parameter.isEmpty() ? payloadType + " " + type : payloadType + " " + type + " " + parameter;
    }
}
