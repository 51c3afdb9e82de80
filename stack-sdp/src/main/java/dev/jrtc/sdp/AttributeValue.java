package dev.jrtc.sdp;

/**
 * A typed view of one attribute's value. Each implementation has a static {@code parse(String)}
 * that reads the text after {@code a=<name>:} and an {@link #attributeValue()} that writes it back
 * in canonical form, so that {@code parse(x.attributeValue())} equals {@code x}.
 */
public sealed interface AttributeValue
        permits RtpMap, Fmtp, RtcpFeedback, ExtMap, SsrcAttribute, SsrcGroup, Msid, Rid, Simulcast,
                Candidate, Fingerprint, Setup, Direction, Group {
    /** The attribute name this value belongs to, e.g. {@code rtpmap}. */
    String attributeName();

    /** The canonical text after {@code a=<name>:}, or {@code null} for a flag attribute. */
    String attributeValue();

    /** This value as an attribute line. */
    default Attribute toAttribute() {
        return new Attribute(attributeName(), attributeValue());
    }
}
