package dev.jrtc.interop.ice;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.Transmit;
import dev.jrtc.ice.IceAgent;
import dev.jrtc.ice.IceEvent;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Drives {@link IceAgent}s over real UDP sockets on 127.0.0.1, one socket each, on the test thread. */
final class LoopbackAgents implements AutoCloseable {
    /** One agent, its socket and what it reported. */
    static final class Node {
        final IceAgent agent;
        final DatagramSocket socket;
        final List<IceEvent> events = new ArrayList<>();
        Consumer<IceEvent> signal = e -> { };
        long deadline;

        Node(IceAgent agent, DatagramSocket socket) {
            this.agent = agent;
            this.socket = socket;
        }

        InetSocketAddress address() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }
    }

    final List<Node> nodes = new ArrayList<>();

    Node add(IceAgent agent) throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        s.setSoTimeout(2);
        Node n = new Node(agent, s);
        agent.addHostAddress(n.address());
        nodes.add(n);
        return n;
    }

    void drain(Node n) throws IOException {
        while (true) {
            Output o = n.agent.poll();
            if (o instanceof Deadline d) {
                n.deadline = d.atNanos();
                return;
            }
            if (o instanceof Transmit t) {
                // Only loopback destinations: mDNS multicast and anything else is never sent.
                if (t.destination().getAddress().isLoopbackAddress()) {
                    n.socket.send(new DatagramPacket(t.data(), t.offset(), t.length(), t.destination()));
                }
            } else if (o instanceof IceEvent e) {
                n.events.add(e);
                n.signal.accept(e);
            }
        }
    }

    boolean runUntil(BooleanSupplier done, long timeoutMillis) throws IOException {
        long until = System.nanoTime() + timeoutMillis * 1_000_000L;
        byte[] buf = new byte[65536];
        for (Node n : nodes) {
            drain(n);
        }
        while (!done.getAsBoolean() && System.nanoTime() < until) {
            for (Node n : nodes) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    n.socket.receive(p);
                    n.agent.handleReceive(System.nanoTime(), (InetSocketAddress) p.getSocketAddress(), n.address(), buf,
                            0, p.getLength());
                } catch (SocketTimeoutException idle) {
                    // nothing this round
                }
                if (System.nanoTime() >= n.deadline) {
                    n.agent.handleTimeout(System.nanoTime());
                }
                drain(n);
            }
        }
        return done.getAsBoolean();
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            n.agent.close(System.nanoTime());
            try {
                drain(n);
            } catch (IOException ignored) {
                // closing anyway
            }
            n.socket.close();
        }
    }
}
