package dev.jrtc.sdp;

/** The one rule every line's text obeys, so that what is written can be read back as the same lines. */
final class LineText {
    private LineText() {}

    /** The first character that may not appear inside a line, or -1. */
    static int forbiddenChar(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                return i;
            }
        }
        return -1;
    }

    static void requireWritable(String text) {
        if (forbiddenChar(text) >= 0) {
            throw new IllegalArgumentException("SDP line text may not contain CR, LF or NUL");
        }
    }
}
