package dev.jrtc.ice.sim;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Engine;
import dev.jrtc.common.Output;
import dev.jrtc.common.Transmit;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * An in-process IPv4 network in virtual time: engines at IP addresses, some behind NATs, a fixed
 * one-way delay, and a switch to cut links. Deterministic: the same inputs give the same run.
 */
public final class SimNetwork {
    private record Packet(long at, long seq, InetSocketAddress from, InetSocketAddress to, byte[] data, Nat sourceLan) {
    }

    private final class Node {
        final Engine engine;
        final Nat nat;
        final BiConsumer<Long, Output.Event> events;
        final Sockets sockets;
        long deadline = Long.MAX_VALUE;

        Node(Engine engine, Nat nat, BiConsumer<Long, Output.Event> events, Sockets sockets) {
            this.engine = engine;
            this.nat = nat;
            this.events = events;
            this.sockets = sockets;
        }
    }

    /**
     * How a host's sockets use its addresses. The default: every socket is bound to one address,
     * sends from it and receives what is sent to it.
     */
    public interface Sockets {
        Sockets BOUND = new Sockets() {
            @Override
            public InetSocketAddress source(InetSocketAddress socket, InetSocketAddress destination) {
                return socket;
            }

            @Override
            public InetSocketAddress socketFor(InetSocketAddress destination) {
                return destination;
            }
        };

        /** The source address a datagram sent from {@code socket} to {@code destination} leaves with. */
        InetSocketAddress source(InetSocketAddress socket, InetSocketAddress destination);

        /** The socket (the address the engine knows it by) that receives what is sent to {@code destination}, or null. */
        InetSocketAddress socketFor(InetSocketAddress destination);
    }

    private final Map<InetAddress, Node> nodes = new HashMap<>();
    private final Map<InetAddress, Nat> nats = new HashMap<>();
    private final PriorityQueue<Packet> inFlight = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final List<Node> order = new ArrayList<>();
    private long now;
    private long seq;
    private long oneWayDelayNanos;
    private BiPredicate<Long, InetSocketAddress[]> dropRule = (t, p) -> false;
    private long delivered;
    private long dropped;

    /** A network whose packets take {@code oneWayDelayMillis} to arrive. */
    public SimNetwork(long oneWayDelayMillis) {
        this.oneWayDelayNanos = oneWayDelayMillis * 1_000_000L;
    }

    /** Parses a dotted IPv4 literal. */
    public static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    /** Adds a NAT with a public IP. */
    public Nat addNat(NatType type, String publicIp) {
        Nat nat = new Nat(type, ip(publicIp));
        nats.put(nat.publicIp, nat);
        return nat;
    }

    /** Places an engine at {@code ip}, behind {@code nat} (or on the public side if null). */
    public void add(String ip, Nat nat, Engine engine, BiConsumer<Long, Output.Event> events) {
        Node n = new Node(engine, nat, events, Sockets.BOUND);
        nodes.put(ip(ip), n);
        order.add(n);
    }

    /** Places a multihomed engine, reachable on the public side at every one of {@code ips}, with its socket model. */
    public void addMultihomed(List<String> ips, Sockets sockets, Engine engine, BiConsumer<Long, Output.Event> events) {
        Node n = new Node(engine, null, events, sockets);
        ips.forEach(a -> nodes.put(ip(a), n));
        order.add(n);
    }

    /** Drops packets for which {@code rule(now, {from, to})} is true (both addresses as sent, before NAT). */
    public void setDropRule(BiPredicate<Long, InetSocketAddress[]> rule) {
        this.dropRule = rule;
    }

    public long now() {
        return now;
    }

    public long delivered() {
        return delivered;
    }

    public long dropped() {
        return dropped;
    }

    /** Lets an API call on an engine happen now and drains its outputs. */
    public void call(Engine engine, java.util.function.LongConsumer action) {
        action.accept(now);
        for (Node n : order) {
            if (n.engine == engine) {
                drain(n);
            }
        }
    }

    /** Runs until {@code stop} is true or virtual time passes {@code untilNanos}. */
    public void runUntil(long untilNanos, java.util.function.BooleanSupplier stop) {
        for (Node n : order) {
            drain(n);
        }
        while (!stop.getAsBoolean()) {
            long next = inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.peek().at;
            for (Node n : order) {
                next = Math.min(next, n.deadline);
            }
            if (next > untilNanos) {
                now = Math.max(now, untilNanos);
                return;
            }
            now = Math.max(now, next);
            while (!inFlight.isEmpty() && inFlight.peek().at <= now) {
                deliver(inFlight.poll());
            }
            for (Node n : order) {
                if (n.deadline <= now) {
                    n.engine.handleTimeout(now);
                    drain(n);
                }
            }
        }
    }

    /** Runs for {@code millis} of virtual time. */
    public void runFor(long millis) {
        runUntil(now + millis * 1_000_000L, () -> false);
    }

    private void drain(Node n) {
        while (true) {
            Output o = n.engine.poll();
            if (o instanceof Deadline d) {
                n.deadline = d.atNanos();
                return;
            }
            if (o instanceof Transmit t) {
                send(n, t);
            } else if (o instanceof Output.Event e) {
                n.events.accept(now, e);
            }
        }
    }

    private void send(Node n, Transmit t) {
        byte[] data = java.util.Arrays.copyOfRange(t.data(), t.offset(), t.offset() + t.length());
        if (dropRule.test(now, new InetSocketAddress[] {t.source(), t.destination()})) {
            dropped++;
            return;
        }
        InetSocketAddress from = n.sockets.source(t.source(), t.destination());
        Node dest = nodes.get(t.destination().getAddress());
        boolean sameLan = dest != null && dest.nat == n.nat && n.nat != null;
        if (n.nat != null && !sameLan) {
            from = n.nat.outbound(from, t.destination());
        }
        inFlight.add(new Packet(now + oneWayDelayNanos, seq++, from, t.destination(), data, sameLan ? n.nat : null));
    }

    private void deliver(Packet p) {
        InetSocketAddress to = p.to;
        Nat nat = nats.get(to.getAddress());
        if (nat != null) {
            var inside = nat.inbound(p.from, to);
            if (inside.isEmpty()) {
                dropped++;
                return;
            }
            to = inside.get();
        }
        Node dest = nodes.get(to.getAddress());
        // A private address is reachable only from its own LAN, never across the public side.
        if (dest == null || (nat == null && dest.nat != null && p.sourceLan != dest.nat)) {
            dropped++;
            return;
        }
        to = dest.sockets.socketFor(to);
        if (to == null) {
            dropped++;
            return;
        }
        delivered++;
        dest.engine.handleReceive(now, p.from, to, p.data, 0, p.data.length);
        drain(dest);
    }
}
