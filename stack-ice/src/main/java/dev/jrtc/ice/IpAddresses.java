package dev.jrtc.ice;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IP address helpers that never touch DNS: literal parsing, IPv4-mapped normalisation and
 * classification (loopback, link-local, private).
 */
public final class IpAddresses {
    private IpAddresses() {
    }

    /**
     * Parses an IPv4 or IPv6 literal. Anything that is not a literal (a host name, an mDNS
     * {@code .local} name) gives empty; no name lookup ever happens.
     */
    public static Optional<InetAddress> parseLiteral(String s) {
        if (s == null || s.isEmpty() || s.length() > 64) {
            return Optional.empty();
        }
        String t = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        if (t.indexOf(':') >= 0) {
            int pct = t.indexOf('%');
            String body = pct >= 0 ? t.substring(0, pct) : t;
            if (!body.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                return Optional.empty();
            }
            try {
                // A string of hex digits, colons and dots is parsed as a literal; no lookup happens.
                return Optional.of(normalize(InetAddress.getByName(body)));
            } catch (UnknownHostException | RuntimeException e) {
                return Optional.empty();
            }
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return Optional.empty();
            }
            b[i] = (byte) v;
        }
        try {
            return Optional.of(InetAddress.getByAddress(b));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Turns an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) into the IPv4 address. */
    public static InetAddress normalize(InetAddress a) {
        if (a instanceof Inet6Address) {
            byte[] b = a.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return a;
    }

    /** The socket address with its IP normalised (see {@link #normalize(InetAddress)}). */
    public static InetSocketAddress normalize(InetSocketAddress s) {
        if (s.isUnresolved()) {
            return s;
        }
        InetAddress n = normalize(s.getAddress());
        return n == s.getAddress() ? s : new InetSocketAddress(n, s.getPort());
    }

    /** Whether the address is RFC 1918 / RFC 4193 / CGNAT (RFC 6598) space. */
    public static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int x = b[0] & 0xFF;
            int y = b[1] & 0xFF;
            return x == 10 || (x == 172 && y >= 16 && y <= 31) || (x == 192 && y == 168) || (x == 100 && y >= 64 && y <= 127);
        }
        return (b[0] & 0xFE) == 0xFC;
    }

    /** Text for an IP without a leading slash or host name; IPv6 without brackets. */
    public static String toText(InetAddress a) {
        String s = a.getHostAddress();
        int pct = s.indexOf('%');
        return pct >= 0 ? s.substring(0, pct) : s;
    }

    /** "ip:port", with brackets around IPv6. */
    public static String toText(InetSocketAddress s) {
        if (s.isUnresolved()) {
            return s.getHostString() + ":" + s.getPort();
        }
        String ip = toText(s.getAddress());
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + s.getPort();
    }
}
