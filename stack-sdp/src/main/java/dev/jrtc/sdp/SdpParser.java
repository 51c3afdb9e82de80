package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SDP text into a {@link SessionDescription}. Lines end in CRLF or LF; blank lines are
 * skipped. Every line is checked by {@link LineRules}; every error names the 1-based line number.
 * Line order follows RFC 8866 where it matters to us: {@code v=0}, then {@code o=}, then
 * {@code s=}; a {@code t=} before the first {@code m=}; session-only lines never inside a media
 * section. Unknown line letters are kept (RFC 8866 section 5: "ignore").
 */
final class SdpParser {
    private final String text;
    private final SdpLimits limits;

    private final List<SdpLine> sessionLines = new ArrayList<>();
    private final List<MediaDescription> media = new ArrayList<>();
    private TextLine currentMLine;
    private MediaLine currentMediaLine;
    private List<SdpLine> currentLines;
    private Origin origin;
    private boolean sawTiming;
    private int structuralStep; // 0: expect v=, 1: expect o=, 2: expect s=, 3: free

    private SdpParser(String text, SdpLimits limits) {
        this.text = text;
        this.limits = limits;
    }

    static SessionDescription parse(String text, SdpLimits limits) throws ParseException {
        return new SdpParser(text, limits).run();
    }

    private SessionDescription run() throws ParseException {
        if (text.length() > limits.maxTotalChars()) {
            throw new ParseException("SDP is " + text.length() + " characters, over the limit of "
                    + limits.maxTotalChars() + " (SdpLimits.maxTotalChars)");
        }
        int lineNo = 0;
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            lineNo++;
            if (lineNo > limits.maxLines()) {
                throw new ParseException("line " + lineNo + ": SDP has more than " + limits.maxLines()
                        + " lines (SdpLimits.maxLines)");
            }
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            if (contentEnd - start > limits.maxLineChars()) {
                throw new ParseException("line " + lineNo + ": line is " + (contentEnd - start)
                        + " characters, over the limit of " + limits.maxLineChars() + " (SdpLimits.maxLineChars)");
            }
            String raw = text.substring(start, contentEnd);
            start = end + 1;
            if (!raw.isEmpty()) {
                accept(read(raw, lineNo), lineNo, raw);
            }
        }
        if (structuralStep < 3) {
            throw new ParseException("line " + lineNo + ": SDP ends before its v=, o= and s= lines");
        }
        if (!sawTiming) {
            throw new ParseException("line " + lineNo + ": SDP has no t= line");
        }
        finishMedia();
        return new SessionDescription(sessionLines, origin, media);
    }

    private static SdpLine read(String raw, int lineNo) throws ParseException {
        if (raw.length() < 2 || raw.charAt(1) != '=' || !isAsciiLetter(raw.charAt(0))) {
            throw error(lineNo, "expected '<letter>=<value>'", raw);
        }
        int bad = LineText.forbiddenChar(raw);
        if (bad >= 0) {
            throw error(lineNo, "a line may not contain a CR or NUL character", raw);
        }
        SdpLine line = LineRules.create(raw.charAt(0), raw.substring(2));
        try {
            LineRules.check(line);
        } catch (ParseException e) {
            throw error(lineNo, e.getMessage(), raw);
        }
        return line;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private void accept(SdpLine line, int lineNo, String raw) throws ParseException {
        char type = line.type();
        checkOrder(type, lineNo, raw);
        if (type == 'm') {
            if (!sawTiming) {
                throw error(lineNo, "m= line before any t= line", raw);
            }
            finishMedia();
            currentMLine = (TextLine) line;
            currentMediaLine = MediaLine.parse(line.text());
            currentLines = new ArrayList<>();
            return;
        }
        if (currentLines != null) {
            if (LineRules.isSessionOnly(type)) {
                throw error(lineNo, type + "= is only allowed before the first m= line", raw);
            }
            currentLines.add(line);
            return;
        }
        if (type == 't') {
            sawTiming = true;
        }
        if (type == 'o') {
            origin = Origin.parse(line.text());
        }
        sessionLines.add(line);
    }

    /** The first three lines are fixed: v=, o=, s=, each exactly once. */
    private void checkOrder(char type, int lineNo, String raw) throws ParseException {
        char expected = switch (structuralStep) {
            case 0 -> 'v';
            case 1 -> 'o';
            case 2 -> 's';
            default -> 0;
        };
        if (expected != 0) {
            if (type != expected) {
                String what = expected == 'v' ? "SDP must start with v=0" : "expected " + expected + "= line";
                throw error(lineNo, what, raw);
            }
            structuralStep++;
        } else if (type == 'v' || type == 'o' || type == 's') {
            throw error(lineNo, type + "= may appear only once", raw);
        }
    }

    private void finishMedia() {
        if (currentLines != null) {
            media.add(new MediaDescription(currentMLine, currentMediaLine, currentLines));
        }
    }

    private static ParseException error(int lineNo, String reason, String raw) {
        return new ParseException("line " + lineNo + ": " + reason + ": '" + Tokens.shorten(raw) + "'");
    }
}
