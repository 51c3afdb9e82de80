package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.List;

/**
 * The {@code c=} line (RFC 8866 section 5.7): {@code <nettype> <addrtype> <connection-address>}.
 *
 * @param netType  {@code IN}
 * @param addrType {@code IP4} or {@code IP6}
 * @param address  the address, with any {@code /ttl/count} suffix as written
 */
public record Connection(String netType, String addrType, String address) {
    /** The placeholder browsers write: {@code IN IP4 0.0.0.0}. */
    public static final Connection UNSPECIFIED = new Connection("IN", "IP4", "0.0.0.0");

    /** Validates the fields. */
    public Connection {
        for (String s : List.of(netType, addrType, address)) {
            if (s.isEmpty() || s.indexOf(' ') >= 0) {
                throw new IllegalArgumentException("bad connection field: '" + s + "'");
            }
        }
    }

    /** Parses the text after {@code c=}. */
    public static Connection parse(String value) throws ParseException {
        List<String> f = Tokens.fields(value);
        if (f.size() != 3) {
            throw new ParseException("c= line needs 3 fields, got " + f.size());
        }
        return new Connection(f.get(0), f.get(1), f.get(2));
    }

    /** The canonical text after {@code c=}. */
    public String text() {
        return netType + " " + addrType + " " + address;
    }

    /** As a line. */
    public TextLine toLine() {
        return new TextLine('c', text());
    }
}
