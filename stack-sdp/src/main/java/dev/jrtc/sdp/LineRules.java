package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;

/**
 * Checks one line on its own: the structural lines ({@code v o m c t}) and the attributes that have
 * typed views. Where a line may appear is the parser's business, not this class's.
 */
final class LineRules {
    private LineRules() {}

    /** The lines RFC 8866 allows only before the first {@code m=}. */
    static boolean isSessionOnly(char type) {
        return "vosuepzrt".indexOf(type) >= 0;
    }

    static void check(SdpLine line) throws ParseException {
        if (line instanceof Attribute a) {
            AttributeRules.check(a);
            return;
        }
        String text = line.text();
        switch (line.type()) {
            case 'v' -> {
                if (!text.equals("0")) {
                    throw new ParseException("only SDP version 0 is known, got v=" + Tokens.shorten(text));
                }
            }
            case 'o' -> Origin.parse(text);
            case 'm' -> MediaLine.parse(text);
            case 'c' -> Connection.parse(text);
            case 't' -> {
                var f = Tokens.fields(text);
                if (f.size() != 2) {
                    throw new ParseException("t= line needs '<start> <stop>'");
                }
                Tokens.parseLong(f.get(0), 0, Long.MAX_VALUE, "t= start time");
                Tokens.parseLong(f.get(1), 0, Long.MAX_VALUE, "t= stop time");
            }
            default -> {
                // i= u= e= p= b= z= k= r= and unknown letters: kept as written.
            }
        }
    }

    /** Builds the line object for {@code <type>=<text>}. */
    static SdpLine create(char type, String text) {
        return type == 'a' ? Attribute.fromText(text) : new TextLine(type, text);
    }
}
