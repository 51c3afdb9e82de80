package dev.jrtc.ice;

import dev.jrtc.common.ParseException;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A configured STUN or TURN server. The core never resolves names, so the caller passes the
 * server's address: resolved from {@link IceServerUrl#host()} at the edge, or the literal itself.
 *
 * @param url what the user configured (used in diagnostics)
 * @param address where to send
 * @param username TURN username, or null for STUN
 * @param credential TURN password, or null for STUN
 */
public record IceServer(IceServerUrl url, InetSocketAddress address, String username, String credential) {
    /** Checks that TURN servers have credentials. */
    public IceServer {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("resolve " + address + " at the edge; the core never looks up names");
        }
        if (url.isTurn() && (username == null || credential == null)) {
            throw new IllegalArgumentException("a TURN server needs a username and a credential: " + url);
        }
    }

    /** A STUN server at an IP literal URL such as {@code stun:192.0.2.1:3478}. */
    public static IceServer stun(String url) throws ParseException {
        IceServerUrl u = IceServerUrl.parse(url);
        return new IceServer(u, literal(u), null, null);
    }

    /** A TURN server at an IP literal URL such as {@code turn:192.0.2.1:3478?transport=udp}. */
    public static IceServer turn(String url, String username, String credential) throws ParseException {
        IceServerUrl u = IceServerUrl.parse(url);
        return new IceServer(u, literal(u), username, credential);
    }

    private static InetSocketAddress literal(IceServerUrl u) throws ParseException {
        return new InetSocketAddress(IpAddresses.parseLiteral(u.host())
                .orElseThrow(() -> new ParseException(u.host() + " is a name; resolve it and use the canonical constructor")),
                u.port());
    }

    @Override
    public String toString() {
        return "IceServer[" + url + " at " + IpAddresses.toText(address) + "]";
    }
}
