package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;

/**
 * Checks the value of every attribute this library has a typed view for. The parser runs it on
 * every line, so a description that was built can never hold, say, an {@code a=rtpmap:abc}: the
 * typed accessors of {@link AttributeList} therefore never fail. Attributes it does not know are
 * not checked and are kept as they are.
 */
final class AttributeRules {
    private AttributeRules() {}

    static void check(Attribute a) throws ParseException {
        switch (a.name()) {
            case RtpMap.NAME -> RtpMap.parse(value(a));
            case Fmtp.NAME -> Fmtp.parse(value(a));
            case RtcpFeedback.NAME -> RtcpFeedback.parse(value(a));
            case ExtMap.NAME -> ExtMap.parse(value(a));
            case SsrcAttribute.NAME -> SsrcAttribute.parse(value(a));
            case SsrcGroup.NAME -> SsrcGroup.parse(value(a));
            case Msid.NAME -> Msid.parse(value(a));
            case Rid.NAME -> Rid.parse(value(a));
            case Simulcast.NAME -> Simulcast.parse(value(a));
            case Candidate.NAME -> Candidate.parse(value(a));
            case Fingerprint.NAME -> Fingerprint.parse(value(a));
            case Setup.NAME -> Setup.parse(value(a));
            case Group.NAME -> Group.parse(value(a));
            case AttributeList.MID -> Tokens.requireToken(value(a).strip(), "mid");
            case IceCredentials.UFRAG, IceCredentials.PWD -> IceCredentials.checkReceived(a.name(), value(a).strip());
            case AttributeList.ICE_OPTIONS -> {
                if (Tokens.fields(value(a)).isEmpty()) {
                    throw new ParseException("ice-options needs at least one option");
                }
            }
            case AttributeList.SCTP_PORT -> Tokens.parseInt(value(a).strip(), 0, 65535, "sctp-port");
            case AttributeList.MAX_MESSAGE_SIZE -> Tokens.parseLong(value(a).strip(), 0, Long.MAX_VALUE, "max-message-size");
            case AttributeList.RTCP -> {
                var f = Tokens.fields(value(a));
                if (f.isEmpty()) {
                    throw new ParseException("rtcp needs a port");
                }
                Tokens.parseInt(f.get(0), 0, 65535, "rtcp port");
            }
            default -> {
                // Not ours to judge: kept verbatim.
            }
        }
    }

    private static String value(Attribute a) throws ParseException {
        if (a.value() == null) {
            throw new ParseException("a=" + a.name() + " needs a value after ':'");
        }
        return a.value();
    }
}
