package dev.jrtc.ice.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One NAT box: a public IP, a mapping table and a filter, per {@link NatType}. */
public final class Nat {
    final NatType type;
    final InetAddress publicIp;
    private final Map<String, Integer> mappingByKey = new HashMap<>();
    private final Map<Integer, InetSocketAddress> privateByPort = new HashMap<>();
    private final Map<Integer, Set<InetSocketAddress>> allowedByPort = new HashMap<>();
    private int nextPort = 40000;

    Nat(NatType type, InetAddress publicIp) {
        this.type = type;
        this.publicIp = publicIp;
    }

    /** Translates an outgoing packet's source, creating a mapping and opening the filter for {@code to}. */
    InetSocketAddress outbound(InetSocketAddress from, InetSocketAddress to) {
        String key = type == NatType.SYMMETRIC ? from + ">" + to : from.toString();
        int port = mappingByKey.computeIfAbsent(key, k -> {
            int p = nextPort++;
            privateByPort.put(p, from);
            return p;
        });
        allowedByPort.computeIfAbsent(port, p -> new HashSet<>()).add(to);
        return new InetSocketAddress(publicIp, port);
    }

    /** The private destination of an incoming packet, if a mapping exists and the filter lets it in. */
    Optional<InetSocketAddress> inbound(InetSocketAddress from, InetSocketAddress to) {
        InetSocketAddress inside = privateByPort.get(to.getPort());
        if (inside == null) {
            return Optional.empty();
        }
        if (type != NatType.FULL_CONE && !allowedByPort.getOrDefault(to.getPort(), Set.of()).contains(from)) {
            return Optional.empty();
        }
        return Optional.of(inside);
    }
}
