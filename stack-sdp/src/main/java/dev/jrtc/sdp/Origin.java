package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.List;

/**
 * The {@code o=} line (RFC 8866 section 5.2):
 * {@code <username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>}.
 *
 * @param username       {@code -} when there is none
 * @param sessionId      decimal digits, kept as text since browsers use up to 64-bit values
 * @param sessionVersion decimal digits, kept as text
 * @param netType        {@code IN}
 * @param addrType       {@code IP4} or {@code IP6}
 * @param address        the address (browsers write {@code 127.0.0.1} or {@code 0.0.0.0})
 */
public record Origin(String username, String sessionId, String sessionVersion, String netType, String addrType,
                     String address) {
    /** Validates the fields. */
    public Origin {
        for (String s : List.of(username, netType, addrType, address)) {
            if (s.isEmpty() || s.indexOf(' ') >= 0) {
                throw new IllegalArgumentException("bad origin field: '" + s + "'");
            }
        }
        if (!Tokens.isDigits(sessionId) || !Tokens.isDigits(sessionVersion)) {
            throw new IllegalArgumentException("session id and version must be digits");
        }
    }

    /** The origin browsers write: {@code - <id> <version> IN IP4 127.0.0.1}. */
    public static Origin of(long sessionId, long sessionVersion) {
        return new Origin("-", Long.toString(sessionId), Long.toString(sessionVersion), "IN", "IP4", "127.0.0.1");
    }

    /** Parses the text after {@code o=}. */
    public static Origin parse(String value) throws ParseException {
        List<String> f = Tokens.fields(value);
        if (f.size() != 6) {
            throw new ParseException("o= line needs 6 fields, got " + f.size());
        }
        if (!Tokens.isDigits(f.get(1)) || !Tokens.isDigits(f.get(2))) {
            throw new ParseException("o= session id and version must be decimal numbers");
        }
        return new Origin(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5));
    }

    /** The canonical text after {@code o=}. */
    public String text() {
        return String.join(" ", username, sessionId, sessionVersion, netType, addrType, address);
    }
}
