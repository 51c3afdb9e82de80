package dev.jrtc.ice.sim;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Sockets bound to the wildcard address of a multihomed host, the way werift binds them: each
 * socket is known to its engine by one address (its candidate's base) but receives on every address
 * of the host at its port, and the kernel picks the source address of what it sends by route, so a
 * datagram to a loopback address leaves from 127.0.0.1 whichever address the peer had sent to.
 */
public final class WildcardSockets implements SimNetwork.Sockets {
    private static final java.net.InetAddress LOOPBACK = SimNetwork.ip("127.0.0.1");
    private final List<InetSocketAddress> bases;

    /** Sockets whose engine-side addresses are {@code bases} (distinct ports). */
    public WildcardSockets(List<InetSocketAddress> bases) {
        this.bases = List.copyOf(bases);
    }

    @Override
    public InetSocketAddress source(InetSocketAddress socket, InetSocketAddress destination) {
        return destination.getAddress().isLoopbackAddress() ? new InetSocketAddress(LOOPBACK, socket.getPort()) : socket;
    }

    @Override
    public InetSocketAddress socketFor(InetSocketAddress destination) {
        return bases.stream().filter(b -> b.getPort() == destination.getPort()).findFirst().orElse(null);
    }
}
