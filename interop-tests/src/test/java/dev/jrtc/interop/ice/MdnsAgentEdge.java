package dev.jrtc.interop.ice;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.Transmit;
import dev.jrtc.ice.IceAgent;
import dev.jrtc.ice.IceEvent;
import dev.jrtc.ice.mdns.MdnsResolver;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Drives one {@link IceAgent} on the namespace's veth address with what mDNS needs at the edge: the
 * agent's one-shot queries leave its ICE socket for 224.0.0.251:5353, and because responders (Chromium
 * among them) answer by multicast, a second socket bound to port 5353 and joined to the group on
 * {@code v0} hands their responses to the agent. Nothing leaves the namespace: {@code v0}'s peer
 * {@code v1} has no address and no route beyond.
 */
final class MdnsAgentEdge implements AutoCloseable {
    final IceAgent agent;
    final DatagramSocket socket;
    final List<IceEvent> events = new ArrayList<>();
    private final MulticastSocket mdns;
    private long deadline;

    MdnsAgentEdge(IceAgent agent, InetSocketAddress bind, String interfaceName) throws IOException {
        dev.jrtc.interop.PrivateNetworkNamespace.assertInside();
        this.agent = agent;
        socket = new DatagramSocket(bind);
        socket.setSoTimeout(2);
        mdns = new MulticastSocket(MdnsResolver.GROUP_V4.getPort()); // SO_REUSEADDR: Chromium's responder shares it
        mdns.joinGroup(MdnsResolver.GROUP_V4, NetworkInterface.getByName(interfaceName));
        mdns.setSoTimeout(2);
        agent.addHostAddress((InetSocketAddress) socket.getLocalSocketAddress());
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void drain() throws IOException {
        while (true) {
            Output o = agent.poll();
            if (o instanceof Deadline d) {
                deadline = d.atNanos();
                return;
            }
            if (o instanceof Transmit t) {
                socket.send(new DatagramPacket(t.data(), t.offset(), t.length(), t.destination()));
            } else if (o instanceof IceEvent e) {
                events.add(e);
            }
        }
    }

    boolean runUntil(BooleanSupplier done, long timeoutMillis) throws IOException {
        long until = System.nanoTime() + timeoutMillis * 1_000_000L;
        byte[] buf = new byte[65536];
        drain();
        while (!done.getAsBoolean() && System.nanoTime() < until) {
            for (DatagramSocket s : List.of(socket, mdns)) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    s.receive(p);
                    agent.handleReceive(System.nanoTime(), (InetSocketAddress) p.getSocketAddress(), address(), buf, 0,
                            p.getLength());
                } catch (SocketTimeoutException idle) {
                    // nothing this round
                }
            }
            if (System.nanoTime() >= deadline) {
                agent.handleTimeout(System.nanoTime());
            }
            drain();
        }
        return done.getAsBoolean();
    }

    @Override
    public void close() {
        agent.close(System.nanoTime());
        socket.close();
        mdns.close();
    }
}
