package dev.jrtc.ice;

import dev.jrtc.common.ParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The RFC 8839 section 5.1 candidate-attribute grammar, leniently (libwebrtc's extensions are kept). */
final class CandidateParser {
    private static final int MAX_LINE = 1024;
    private static final int MAX_EXTENSIONS = 32;

    private CandidateParser() {
    }

    static Candidate parse(String line) throws ParseException {
        if (line == null || line.length() > MAX_LINE) {
            throw new ParseException("candidate line missing or longer than " + MAX_LINE);
        }
        String s = line.strip();
        // RFC 8839 allows only visible characters and blanks; a control character inside a token
        // would be lost when the line is written back (trim), so the candidate is refused instead.
        if (s.chars().anyMatch(ch -> ch == 0x7F || (ch < 0x20 && ch != '\t'))) {
            throw new ParseException("control character in candidate line: " + abbreviate(line));
        }
        if (s.startsWith("a=")) {
            s = s.substring(2);
        }
        if (!s.regionMatches(true, 0, "candidate:", 0, 10)) {
            throw new ParseException("not a candidate attribute: " + abbreviate(line));
        }
        String[] t = s.substring(10).trim().split("\\s+");
        if (t.length < 8 || !t[6].equalsIgnoreCase("typ")) {
            throw new ParseException("candidate needs foundation, component, transport, priority, address, port, typ: "
                    + abbreviate(line));
        }
        String foundation = t[0];
        if (foundation.isEmpty() || foundation.length() > 32 || !foundation.chars().allMatch(CandidateParser::isIceChar)) {
            throw new ParseException("bad foundation " + abbreviate(foundation));
        }
        int component = (int) number(t[1], 1, 256, "component");
        Transport transport;
        switch (t[2].toLowerCase(Locale.ROOT)) {
            case "udp" -> transport = Transport.UDP;
            case "tcp" -> transport = Transport.TCP;
            default -> throw new ParseException("unsupported transport " + abbreviate(t[2]));
        }
        long priority = number(t[3], 1, 0xFFFF_FFFFL, "priority");
        String address = t[4];
        if (address.isEmpty() || address.length() > 253) {
            throw new ParseException("bad connection address");
        }
        int port = (int) number(t[5], 0, 65535, "port");
        CandidateType type = CandidateType.fromSdp(t[7]);
        if (type == null) {
            throw new ParseException("unknown candidate type " + abbreviate(t[7]));
        }
        String raddr = null;
        int rport = -1;
        TcpType tcpType = null;
        Map<String, String> ext = new LinkedHashMap<>();
        for (int i = 8; i < t.length; i += 2) {
            if (i + 1 >= t.length) {
                throw new ParseException("extension " + abbreviate(t[i]) + " has no value");
            }
            String name = t[i];
            String value = t[i + 1];
            switch (name) {
                case "raddr" -> raddr = value;
                case "rport" -> rport = (int) number(value, 0, 65535, "rport");
                case "tcptype" -> tcpType = switch (value.toLowerCase(Locale.ROOT)) {
                    case "active" -> TcpType.ACTIVE;
                    case "passive" -> TcpType.PASSIVE;
                    case "so" -> TcpType.SO;
                    default -> throw new ParseException("bad tcptype " + abbreviate(value));
                };
                default -> {
                    if (ext.size() >= MAX_EXTENSIONS) {
                        throw new ParseException("too many candidate extensions");
                    }
                    ext.put(name, value);
                }
            }
        }
        if ((raddr == null) != (rport < 0)) {
            throw new ParseException("raddr and rport come together");
        }
        if (transport == Transport.TCP && tcpType == null) {
            throw new ParseException("a TCP candidate needs tcptype");
        }
        return new Candidate(foundation, component, transport, priority, address, port, type, raddr, rport, tcpType, ext);
    }

    private static boolean isIceChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }

    private static long number(String s, long min, long max, String what) throws ParseException {
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(Character::isDigit)) {
            throw new ParseException("bad " + what + " " + abbreviate(s));
        }
        long v = Long.parseLong(s);
        if (v < min || v > max) {
            throw new ParseException(what + " " + v + " out of range " + min + ".." + max);
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
