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
 * from a mapping ({@link Mapping}); incoming datagrams to a mapping pass the {@link Filtering}.
 * Datagrams to the private address from outside are dropped: it is not routable. The four classic
 * types (RFC 3489's names) are the factories: {@link #fullCone}, {@link #addressRestrictedCone},
 * {@link #portRestrictedCone} and {@link #symmetric}.
 */
final class VirtualNat {

    /** How mappings are chosen (RFC 4787 section 4.1). */
    enum Mapping {
        /** One mapping for every destination (the cone NATs). */
        ENDPOINT_INDEPENDENT,
        /** A new mapping per destination address and port: a symmetric NAT. */
        ADDRESS_AND_PORT_DEPENDENT
    }

    /** Which sources may send in through a mapping (RFC 4787 section 5). */
    enum Filtering {
        /** Anyone, once the mapping exists: full cone. */
        ENDPOINT_INDEPENDENT,
        /** Only IP addresses the mapping has sent to, from any port: address-restricted cone. */
        ADDRESS_DEPENDENT,
        /** Only the exact addresses and ports the mapping has sent to: port-restricted cone and symmetric. */
        ADDRESS_AND_PORT_DEPENDENT
    }

    private final Mapping mapping;
    private final Filtering filtering;
    private final InetSocketAddress inside;
    private final InetAddress publicIp;
    private int nextPort;
    private final Map<InetSocketAddress, InetSocketAddress> mappings = new HashMap<>();
    private final Map<InetSocketAddress, Set<InetSocketAddress>> contacted = new HashMap<>();
    private long filtered;
    private long unroutable;

    VirtualNat(Mapping mapping, Filtering filtering, InetSocketAddress inside, String publicIp, int firstPort) {
        this.mapping = mapping;
        this.filtering = filtering;
        this.inside = inside;
        this.publicIp = new InetSocketAddress(publicIp, 0).getAddress();
        this.nextPort = firstPort;
    }

    /** A full-cone NAT: endpoint-independent mapping and filtering. */
    static VirtualNat fullCone(InetSocketAddress inside, String publicIp) {
        return new VirtualNat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ENDPOINT_INDEPENDENT, inside, publicIp, 40000);
    }

    /** An address-restricted cone NAT: endpoint-independent mapping, address-dependent filtering. */
    static VirtualNat addressRestrictedCone(InetSocketAddress inside, String publicIp) {
        return new VirtualNat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_DEPENDENT, inside, publicIp, 40000);
    }

    /** A port-restricted cone NAT: endpoint-independent mapping, address- and port-dependent filtering. */
    static VirtualNat portRestrictedCone(InetSocketAddress inside, String publicIp) {
        return new VirtualNat(Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT, inside, publicIp,
                40000);
    }

    /** A symmetric NAT: address- and port-dependent mapping and filtering. */
    static VirtualNat symmetric(InetSocketAddress inside, String publicIp) {
        return new VirtualNat(Mapping.ADDRESS_AND_PORT_DEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT, inside,
                publicIp, 40000);
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
        if (!admits(allowed, t.source())) {
            filtered++;
            return null;
        }
        return new Transmit(t.source(), inside, t.data(), t.offset(), t.length());
    }

    private boolean admits(Set<InetSocketAddress> contactedByMapping, InetSocketAddress source) {
        return switch (filtering) {
            case ENDPOINT_INDEPENDENT -> true;
            case ADDRESS_DEPENDENT -> contactedByMapping.stream().anyMatch(c -> c.getAddress().equals(source.getAddress()));
            case ADDRESS_AND_PORT_DEPENDENT -> contactedByMapping.contains(source);
        };
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
