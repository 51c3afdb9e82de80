package dev.jrtc.ice;

import dev.jrtc.common.ParseException;
import dev.jrtc.ice.turn.TurnTransport;
import java.util.Locale;

/**
 * A {@code stun:}, {@code turn:} or {@code turns:} URL (RFC 7064, RFC 7065), e.g.
 * {@code turn:turn.example.org:3478?transport=tcp}.
 *
 * @param scheme stun, stuns, turn or turns
 * @param host the host name or IP literal (without brackets)
 * @param port the port (3478, or 5349 for the secure schemes, when absent)
 * @param transport for TURN: UDP, TCP or TLS; for STUN: UDP
 */
public record IceServerUrl(Scheme scheme, String host, int port, TurnTransport transport) {
    /** The URL schemes. */
    public enum Scheme { STUN, STUNS, TURN, TURNS }

    /** Parses a URL. */
    public static IceServerUrl parse(String url) throws ParseException {
        if (url == null || url.length() > 512) {
            throw new ParseException("ICE server URL missing or too long");
        }
        int colon = url.indexOf(':');
        if (colon < 0) {
            throw new ParseException("no scheme in " + url);
        }
        Scheme scheme;
        switch (url.substring(0, colon).toLowerCase(Locale.ROOT)) {
            case "stun" -> scheme = Scheme.STUN;
            case "stuns" -> scheme = Scheme.STUNS;
            case "turn" -> scheme = Scheme.TURN;
            case "turns" -> scheme = Scheme.TURNS;
            default -> throw new ParseException("unknown scheme in " + url);
        }
        String rest = url.substring(colon + 1);
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        boolean secure = scheme == Scheme.STUNS || scheme == Scheme.TURNS;
        int port = secure ? 5349 : 3478;
        String host;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new ParseException("unclosed [ in " + url);
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                port = parsePort(after.substring(1), url);
            } else if (!after.isEmpty()) {
                throw new ParseException("junk after ] in " + url);
            }
        } else {
            int pc = rest.lastIndexOf(':');
            if (pc >= 0) {
                host = rest.substring(0, pc);
                port = parsePort(rest.substring(pc + 1), url);
            } else {
                host = rest;
            }
        }
        if (host.isEmpty()) {
            throw new ParseException("no host in " + url);
        }
        TurnTransport transport = secure && scheme == Scheme.TURNS ? TurnTransport.TLS : TurnTransport.UDP;
        if (query != null) {
            if (scheme == Scheme.STUN || scheme == Scheme.STUNS) {
                throw new ParseException("stun URLs take no query: " + url);
            }
            String t = query.toLowerCase(Locale.ROOT);
            if (t.equals("transport=tcp")) {
                transport = scheme == Scheme.TURNS ? TurnTransport.TLS : TurnTransport.TCP;
            } else if (t.equals("transport=udp")) {
                if (scheme == Scheme.TURNS) {
                    throw new ParseException("turns over UDP (DTLS) is not supported: " + url);
                }
                transport = TurnTransport.UDP;
            } else {
                throw new ParseException("unknown query " + query + " in " + url);
            }
        }
        return new IceServerUrl(scheme, host, port, transport);
    }

    private static int parsePort(String s, String url) throws ParseException {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) {
            throw new ParseException("bad port in " + url);
        }
        int p = Integer.parseInt(s);
        if (p < 1 || p > 65535) {
            throw new ParseException("port out of range in " + url);
        }
        return p;
    }

    /** Whether this is a TURN URL (relay), not STUN. */
    public boolean isTurn() {
        return scheme == Scheme.TURN || scheme == Scheme.TURNS;
    }

    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        String s = scheme.name().toLowerCase(Locale.ROOT) + ":" + h + ":" + port;
        if (isTurn() && transport != TurnTransport.UDP && scheme == Scheme.TURN) {
            s += "?transport=tcp";
        }
        return s;
    }
}
