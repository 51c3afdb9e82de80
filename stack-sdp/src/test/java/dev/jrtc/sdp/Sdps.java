package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;

/** Small SDP texts for unit tests. */
public final class Sdps {
    private Sdps() {}

    /** The four session lines every test SDP starts with, CRLF-terminated. */
    public static final String HEAD = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    /** HEAD plus the given lines, each ending in CRLF. */
    public static String sdp(String... lines) {
        StringBuilder sb = new StringBuilder(HEAD);
        for (String l : lines) {
            sb.append(l).append("\r\n");
        }
        return sb.toString();
    }

    /** Parses {@link #sdp(String...)}. */
    public static SessionDescription parse(String... lines) throws ParseException {
        return SessionDescription.parse(sdp(lines));
    }

    /** The only media section of a one-section SDP made of these lines. */
    public static MediaDescription section(String... lines) throws ParseException {
        return parse(lines).media().get(0);
    }
}
