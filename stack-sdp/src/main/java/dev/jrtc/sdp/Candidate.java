package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An ICE candidate (RFC 8839 section 5.1, RFC 6544 for TCP):
 * {@code <foundation> <component> <transport> <priority> <address> <port> typ <type>
 * [raddr <address>] [rport <port>] *(<name> <value>)}.
 *
 * <p>{@link #parse(String)} accepts the bare value, {@code candidate:...} (the form
 * {@code RTCIceCandidate.candidate} uses) or {@code a=candidate:...}. {@link #toString()} gives
 * {@code candidate:...}, so a canonical candidate string round-trips exactly. Extension attributes
 * ({@code tcptype}, {@code generation}, {@code ufrag}, {@code network-id}, {@code network-cost},
 * unknown ones) are kept in order.
 *
 * @param foundation     1..32 ice-chars
 * @param component      1..256 (1 is RTP)
 * @param transport      as written, e.g. {@code udp} or {@code UDP}
 * @param priority       0..2^32-1
 * @param address        an IPv4 or IPv6 literal or a host name (such as an mDNS {@code .local} name)
 * @param port           0..65535 (TCP active candidates use 9)
 * @param type           host, srflx, prflx or relay
 * @param relatedAddress {@code raddr}, if written
 * @param relatedPort    {@code rport}, if written
 * @param extensions     the name/value pairs after those, in order
 */
public record Candidate(String foundation, int component, String transport, long priority, String address, int port,
                        Type type, Optional<String> relatedAddress, Optional<Integer> relatedPort,
                        List<Extension> extensions) implements AttributeValue {
    /** Attribute name. */
    public static final String NAME = "candidate";

    /** Candidate types (RFC 8445 section 5.1.1). */
    public enum Type {
        /** A local interface address. */
        HOST,
        /** Server reflexive: the address a STUN server saw. */
        SRFLX,
        /** Peer reflexive: learnt from a connectivity check. */
        PRFLX,
        /** A TURN relay address. */
        RELAY;

        /** The token after {@code typ}. */
        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** TCP candidate types (RFC 6544 section 4.5). */
    public enum TcpType {
        /** Opens connections. */
        ACTIVE,
        /** Accepts connections. */
        PASSIVE,
        /** Simultaneous open. */
        SO
    }

    /**
     * An extension attribute of a candidate line.
     *
     * @param name  e.g. {@code generation}
     * @param value e.g. {@code 0}
     */
    public record Extension(String name, String value) {
        /** Checks that both are non-empty and free of spaces. */
        public Extension {
            if (!isWord(name) || !isWord(value)) {
                throw new IllegalArgumentException("bad candidate extension: '" + name + " " + value + "'");
            }
        }
    }

    /** Validates the fields. */
    public Candidate {
        if (!isFoundation(foundation)) {
            throw new IllegalArgumentException("bad foundation: '" + foundation + "'");
        }
        if (component < 1 || component > 256) {
            throw new IllegalArgumentException("component must be 1..256: " + component);
        }
        if (!isWord(transport)) {
            throw new IllegalArgumentException("bad transport: '" + transport + "'");
        }
        if (priority < 0 || priority > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("priority must be 0..2^32-1: " + priority);
        }
        if (!Addresses.isValid(address)) {
            throw new IllegalArgumentException("bad address: '" + address + "'");
        }
        checkPort(port);
        Objects.requireNonNull(type, "type");
        relatedAddress.ifPresent(a -> {
            if (!Addresses.isValid(a)) {
                throw new IllegalArgumentException("bad raddr: '" + a + "'");
            }
        });
        relatedPort.ifPresent(Candidate::checkPort);
        extensions = List.copyOf(extensions);
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
    }

    private static boolean isWord(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 127) {
                return false;
            }
        }
        return true;
    }

    // foundation = 1*32ice-char; ice-char = ALPHA / DIGIT / "+" / "/"
    private static boolean isFoundation(String f) {
        if (f.isEmpty() || f.length() > 32) {
            return false;
        }
        for (int i = 0; i < f.length(); i++) {
            if (!IceCredentials.isIceChar(f.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Parses a candidate, with or without a leading {@code candidate:} or {@code a=candidate:}. */
    public static Candidate parse(String text) throws ParseException {
        String v = text.strip();
        if (v.startsWith("a=")) {
            v = v.substring(2);
        }
        if (v.startsWith("candidate:")) {
            v = v.substring("candidate:".length());
        }
        List<String> f = Tokens.fields(v);
        if (f.size() < 8) {
            throw new ParseException("candidate needs at least 8 fields, got " + f.size());
        }
        String foundation = f.get(0);
        if (!isFoundation(foundation)) {
            throw new ParseException("candidate foundation must be 1..32 of A-Z a-z 0-9 + /: '" + Tokens.shorten(foundation) + "'");
        }
        int component = Tokens.parseInt(f.get(1), 1, 256, "candidate component");
        String transport = requireWord(f.get(2), "candidate transport");
        long priority = Tokens.parseLong(f.get(3), 0, 0xFFFF_FFFFL, "candidate priority");
        String address = f.get(4);
        if (!Addresses.isValid(address)) {
            throw new ParseException("candidate address is not an IP address or host name: '" + Tokens.shorten(address) + "'");
        }
        int port = Tokens.parseInt(f.get(5), 0, 65535, "candidate port");
        if (!f.get(6).equals("typ")) {
            throw new ParseException("candidate needs 'typ' as 7th field, got '" + Tokens.shorten(f.get(6)) + "'");
        }
        Type type = parseType(f.get(7));
        int i = 8;
        Optional<String> raddr = Optional.empty();
        Optional<Integer> rport = Optional.empty();
        if (i + 1 < f.size() && f.get(i).equals("raddr")) {
            if (!Addresses.isValid(f.get(i + 1))) {
                throw new ParseException("candidate raddr is not an address: '" + Tokens.shorten(f.get(i + 1)) + "'");
            }
            raddr = Optional.of(f.get(i + 1));
            i += 2;
        }
        if (i + 1 < f.size() && f.get(i).equals("rport")) {
            rport = Optional.of(Tokens.parseInt(f.get(i + 1), 0, 65535, "candidate rport"));
            i += 2;
        }
        if ((f.size() - i) % 2 != 0) {
            throw new ParseException("candidate extension '" + Tokens.shorten(f.get(f.size() - 1)) + "' has no value");
        }
        List<Extension> ext = new ArrayList<>();
        for (; i < f.size(); i += 2) {
            requireWord(f.get(i), "candidate extension name");
            requireWord(f.get(i + 1), "candidate extension value");
            if (f.get(i).equals("tcptype")) {
                parseTcpType(f.get(i + 1));
            }
            ext.add(new Extension(f.get(i), f.get(i + 1)));
        }
        return new Candidate(foundation, component, transport, priority, address, port, type, raddr, rport, ext);
    }

    private static String requireWord(String s, String what) throws ParseException {
        if (!isWord(s)) {
            throw new ParseException(what + " may not contain control characters: '" + Tokens.shorten(s) + "'");
        }
        return s;
    }

    private static Type parseType(String token) throws ParseException {
        for (Type t : Type.values()) {
            if (t.token().equals(token)) {
                return t;
            }
        }
        throw new ParseException("candidate type must be host, srflx, prflx or relay, got '" + Tokens.shorten(token) + "'");
    }

    private static TcpType parseTcpType(String token) throws ParseException {
        return switch (token) {
            case "active" -> TcpType.ACTIVE;
            case "passive" -> TcpType.PASSIVE;
            case "so" -> TcpType.SO;
            default -> throw new ParseException("tcptype must be active, passive or so, got '" + Tokens.shorten(token) + "'");
        };
    }

    /** True for UDP candidates (the transport compared ignoring case). */
    public boolean isUdp() {
        return transport.equalsIgnoreCase("udp");
    }

    /** True for TCP candidates. */
    public boolean isTcp() {
        return transport.equalsIgnoreCase("tcp");
    }

    /** The {@code tcptype} extension, if there is a valid one. */
    public Optional<TcpType> tcpType() {
        return extension("tcptype").flatMap(v -> {
            try {
                return Optional.of(parseTcpType(v));
            } catch (ParseException e) {
                return Optional.empty();
            }
        });
    }

    /** The first extension attribute with this name. */
    public Optional<String> extension(String name) {
        return extensions.stream().filter(e -> e.name().equals(name)).map(Extension::value).findFirst();
    }

    /** True when the address is an mDNS name (RFC 8839 section 5.1 and the mDNS ICE draft). */
    public boolean isMdns() {
        return address.toLowerCase(Locale.ROOT).endsWith(".local");
    }

    /** True when the address is an IPv6 literal. */
    public boolean isIpv6() {
        return Addresses.isIpv6(address);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        StringBuilder sb = new StringBuilder()
                .append(foundation).append(' ').append(component).append(' ').append(transport).append(' ')
                .append(priority).append(' ').append(address).append(' ').append(port)
                .append(" typ ").append(type.token());
        relatedAddress.ifPresent(a -> sb.append(" raddr ").append(a));
        relatedPort.ifPresent(p -> sb.append(" rport ").append(p));
        for (Extension e : extensions) {
            sb.append(' ').append(e.name()).append(' ').append(e.value());
        }
        return sb.toString();
    }

    /** {@code candidate:<value>}, the {@code RTCIceCandidate.candidate} form. */
    @Override
    public String toString() {
        return NAME + ":" + attributeValue();
    }
}
