package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.OptionalInt;

/**
 * {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]}
 * (RFC 8866 section 6.6).
 *
 * @param payloadType   0..127
 * @param encodingName  e.g. {@code opus}, {@code VP8}; case as written (compare ignoring case)
 * @param clockRate     in Hz, positive
 * @param encodingParameters for audio the channel count, if written
 */
public record RtpMap(int payloadType, String encodingName, int clockRate, OptionalInt encodingParameters)
        implements AttributeValue {
    /** Attribute name. */
    public static final String NAME = "rtpmap";

    /** Validates the fields. */
    public RtpMap {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127: " + payloadType);
        }
        if (encodingName.isEmpty() || encodingName.indexOf('/') >= 0 || encodingName.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("bad encoding name: " + encodingName);
        }
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
    }

    /** Parses the text after {@code a=rtpmap:}. */
    public static RtpMap parse(String value) throws ParseException {
        var f = Tokens.fields(value);
        if (f.size() != 2) {
            throw new ParseException("rtpmap needs '<payload type> <name>/<clock rate>'");
        }
        int pt = Tokens.parseInt(f.get(0), 0, 127, "rtpmap payload type");
        String[] enc = f.get(1).split("/", -1);
        if (enc.length < 2 || enc.length > 3 || enc[0].isEmpty()) {
            throw new ParseException("rtpmap encoding must be <name>/<clock rate>[/<parameters>]");
        }
        int clock = Tokens.parseInt(enc[1], 1, Integer.MAX_VALUE, "rtpmap clock rate");
        OptionalInt params = enc.length == 3
                ? OptionalInt.of(Tokens.parseInt(enc[2], 1, 255, "rtpmap encoding parameters"))
                : OptionalInt.empty();
        return new RtpMap(pt, enc[0], clock, params);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        String base = payloadType + " " + encodingName + "/" + clockRate;
        return encodingParameters.isPresent() ? base + "/" + encodingParameters.getAsInt() : base;
    }
}
