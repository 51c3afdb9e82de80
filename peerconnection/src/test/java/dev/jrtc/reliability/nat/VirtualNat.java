package dev.jrtc.reliability.nat;

import dev.jrtc.common.Transmit;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A NAT in front of one private endpoint (RFC 4787 terms). Outgoing datagrams get a public source
 * from a mapping; incoming datagrams to a mapping pass only if the mapping has sent to their source
 * address and port (address- and port-dependent filtering). Datagrams to the private address from
 * outside are dropped: it is not routable.
 */
final class VirtualNat {

    /** How mappings are chosen. */
    enum Mapping {
        /** One mapping for every destination: with the filtering above, a port-restricted cone NAT. */
        ENDPOINT_INDEPENDENT,
        /** A new mapping per destination address and port: a symmetric NAT. */
        ADDRESS_AND_PORT_DEPENDENT
    }

    private final Mapping mapping;
    private final InetSocketAddress inside;
    private final InetAddress publicIp;
    private int nextPort;
    private final Map<InetSocketAddress, InetSocketAddress> mappings = new HashMap<>();
    private final Map<InetSocketAddress, Set<InetSocketAddress>> contacted = new HashMap<>();
    private long filtered;
    private long unroutable;

    VirtualNat(Mapping mapping, InetSocketAddress inside, String publicIp, int firstPort) {
        this.mapping = mapping;
        this.inside = inside;
        this.publicIp = new InetSocketAddress(publicIp, 0).getAddress();
        this.nextPort = firstPort;
    }

    /** A port-restricted cone NAT. */
    static VirtualNat portRestrictedCone(InetSocketAddress inside, String publicIp) {
        return new VirtualNat(Mapping.ENDPOINT_INDEPENDENT, inside, publicIp, 40000);
    }

    /** A symmetric NAT. */
    static VirtualNat symmetric(InetSocketAddress inside, String publicIp) {
        return new VirtualNat(Mapping.ADDRESS_AND_PORT_DEPENDENT, inside, publicIp, 40000);
    }

    /**
     * The path through several NATs: every sender's NAT translates first, then the receiver's
     * NAT filters, as a datagram crosses the public network between them.
     */
    static UnaryOperator<Transmit> path(List<VirtualNat> nats) {
        return t -> {
            Transmit out = t;
            for (VirtualNat n : nats) {
                out = n.outbound(out);
            }
            for (VirtualNat n : nats) {
                out = n.inbound(out);
                if (out == null) {
                    return null;
                }
            }
            return out;
        };
    }

    private Transmit outbound(Transmit t) {
        if (!t.source().equals(inside)) {
            return t;
        }
        InetSocketAddress key = mapping == Mapping.ENDPOINT_INDEPENDENT ? inside : t.destination();
        InetSocketAddress external = mappings.computeIfAbsent(key, k -> new InetSocketAddress(publicIp, nextPort++));
        contacted.computeIfAbsent(external, k -> new HashSet<>()).add(t.destination());
        return new Transmit(external, t.destination(), t.data(), t.offset(), t.length());
    }

    private Transmit inbound(Transmit t) {
        if (t.destination().equals(inside)) {
            unroutable++;
            return null;
        }
        Set<InetSocketAddress> allowed = contacted.get(t.destination());
        if (allowed == null) {
            return t;
        }
        if (!allowed.contains(t.source())) {
            filtered++;
            return null;
        }
        return new Transmit(t.source(), inside, t.data(), t.offset(), t.length());
    }

    /** The public addresses handed out so far. */
    Set<InetSocketAddress> publicAddresses() {
        return Set.copyOf(mappings.values());
    }

    /** Incoming datagrams to a mapping from a source it had not sent to. */
    long filtered() {
        return filtered;
    }

    /** Datagrams from outside addressed to the private address. */
    long unroutable() {
        return unroutable;
    }
}
