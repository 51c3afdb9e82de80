package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Small checked-number and field-splitting helpers shared by the attribute parsers. Every failure is
 * a {@link ParseException} with a reason; the line parser adds the line number.
 */
final class Tokens {
    private Tokens() {}

    /**
     * Splits on runs of spaces (and tabs), ignoring leading and trailing ones. SDP's grammar asks
     * for single spaces, but real producers sometimes double them; the raw line is kept anyway, so
     * leniency here does not cost the byte-exact round trip.
     */
    static List<String> fields(String value) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && isBlank(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isBlank(value.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(value.substring(start, i));
            }
        }
        return out;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Parses a decimal integer in {@code [min, max]}; {@code what} names the field in the error. */
    static int parseInt(String text, int min, int max, String what) throws ParseException {
        long v = parseLong(text, min, max, what);
        return (int) v;
    }

    /** Parses a decimal long in {@code [min, max]}; digits only, no sign, at most 19 digits. */
    static long parseLong(String text, long min, long max, String what) throws ParseException {
        if (text.isEmpty() || text.length() > 19 || !isDigits(text)) {
            throw new ParseException(what + " is not a number: '" + shorten(text) + "'");
        }
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ParseException(what + " is out of range: '" + shorten(text) + "'");
        }
        if (v < min || v > max) {
            throw new ParseException(what + " must be in " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    /** True when {@code text} is non-empty and all ASCII digits. */
    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Fails unless {@code text} is non-empty and has no spaces. */
    static String requireToken(String text, String what) throws ParseException {
        if (text == null || text.isEmpty()) {
            throw new ParseException(what + " is missing");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                throw new ParseException(what + " may not contain spaces: '" + shorten(text) + "'");
            }
        }
        return text;
    }

    /** Cuts long input down for error messages, so that a hostile line cannot flood a log. */
    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
