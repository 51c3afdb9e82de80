package dev.jrtc.interop.ice;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.Transmit;
import dev.jrtc.ice.IceAgent;
import dev.jrtc.ice.IceEvent;
import dev.jrtc.ice.turn.TurnTransport;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;

/**
 * Drives {@link IceAgent}s over real UDP sockets on 127.0.0.1, one socket each, on the test thread.
 * When an agent asks for a TCP or TLS connection to a TURN server ({@link IceEvent.StreamConnect}),
 * this edge opens it and pumps it too.
 */
final class LoopbackAgents implements AutoCloseable {
    /** One agent, its socket and what it reported. */
    static final class Node {
        final IceAgent agent;
        final DatagramSocket socket;
        final List<IceEvent> events = new ArrayList<>();
        Consumer<IceEvent> signal = e -> { };
        final Map<Integer, Socket> streams = new HashMap<>();
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
            } else if (o instanceof IceEvent.StreamConnect c) {
                n.events.add(c);
                connect(n, c);
            } else if (o instanceof IceEvent.StreamTransmit t) {
                Socket s = n.streams.get(t.connectionId());
                if (s != null) {
                    s.getOutputStream().write(t.data());
                }
            } else if (o instanceof IceEvent.StreamClose c) {
                Socket s = n.streams.remove(c.connectionId());
                if (s != null) {
                    s.close();
                }
            } else if (o instanceof IceEvent e) {
                n.events.add(e);
                n.signal.accept(e);
            }
        }
    }

    /** Opens the stream the agent asked for and reports the outcome (bytes are pumped in {@link #runUntil}). */
    private static void connect(Node n, IceEvent.StreamConnect c) {
        try {
            Socket s = c.transport() == TurnTransport.TLS ? TurnClientSocketDriver.tls() : new Socket();
            s.connect(c.remote(), 2000);
            if (s instanceof SSLSocket tls) {
                tls.setSoTimeout(5000);
                tls.startHandshake();
            }
            s.setSoTimeout(1);
            n.streams.put(c.connectionId(), s);
            n.agent.handleStreamConnected(System.nanoTime(), c.connectionId());
        } catch (Exception e) {
            n.agent.handleStreamClosed(System.nanoTime(), c.connectionId(), e.toString());
        }
    }

    /** Reads what one stream has ready; a closed or broken stream is reported to the agent. */
    private static void pumpStreams(Node n, byte[] buf) {
        for (Map.Entry<Integer, Socket> e : List.copyOf(n.streams.entrySet())) {
            try {
                int got = e.getValue().getInputStream().read(buf);
                if (got < 0) {
                    n.streams.remove(e.getKey()).close();
                    n.agent.handleStreamClosed(System.nanoTime(), e.getKey(), "closed by the server");
                } else {
                    n.agent.handleStreamReceive(System.nanoTime(), e.getKey(), buf, 0, got);
                }
            } catch (SocketTimeoutException idle) {
                // nothing this round
            } catch (IOException broken) {
                n.streams.remove(e.getKey());
                n.agent.handleStreamClosed(System.nanoTime(), e.getKey(), broken.toString());
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
                pumpStreams(n, buf);
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
            for (Socket s : n.streams.values()) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
