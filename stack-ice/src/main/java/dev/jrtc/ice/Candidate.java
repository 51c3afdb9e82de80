package dev.jrtc.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An ICE candidate as signalled (RFC 8445 section 5.1, RFC 8839 section 5.1). The connection
 * address is text because it may be an mDNS name ({@code <uuid>.local}) until it is resolved.
 *
 * @param foundation up to 32 ice-chars
 * @param component 1 for RTP (and everything, with bundle and rtcp-mux)
 * @param transport UDP or TCP
 * @param priority 1..2^31-1
 * @param address an IP literal or an FQDN such as an mDNS name
 * @param port 0..65535 (9 for an active TCP candidate)
 * @param type host, srflx, prflx or relay
 * @param relatedAddress raddr, or null
 * @param relatedPort rport, or -1
 * @param tcpType for TCP candidates, else null
 * @param extensions the remaining name/value pairs (generation, ufrag, network-id...), in order
 */
public record Candidate(String foundation, int component, Transport transport, long priority, String address,
        int port, CandidateType type, String relatedAddress, int relatedPort, TcpType tcpType,
        Map<String, String> extensions) {

    /** Checks ranges and copies the extensions. */
    public Candidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        if (component < 1 || component > 256 || port < 0 || port > 65535 || priority < 0 || priority > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("candidate field out of range");
        }
        extensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions == null ? Map.of() : extensions));
    }

    /** A candidate at a known IP address with no related address. */
    public static Candidate of(String foundation, int component, Transport transport, long priority,
            InetSocketAddress address, CandidateType type, InetSocketAddress related) {
        return new Candidate(foundation, component, transport, priority, IpAddresses.toText(address.getAddress()),
                address.getPort(), type, related == null ? null : IpAddresses.toText(related.getAddress()),
                related == null ? -1 : related.getPort(), null, Map.of());
    }

    /** Parses {@code candidate:...}, with or without a leading {@code a=}. */
    public static Candidate parse(String line) throws dev.jrtc.common.ParseException {
        return CandidateParser.parse(line);
    }

    /** Whether the address is an mDNS name that needs resolving (RFC 8828 / draft-ietf-mmusic-mdns-ice-candidates). */
    public boolean isMdns() {
        return address.toLowerCase(Locale.ROOT).endsWith(".local");
    }

    /** The socket address when the address is an IP literal; never looks up a name. */
    public Optional<InetSocketAddress> socketAddress() {
        return IpAddresses.parseLiteral(address).map(ip -> new InetSocketAddress(ip, port));
    }

    /** The same candidate with its address replaced by {@code ip} (after mDNS resolution). */
    public Candidate withAddress(InetAddress ip) {
        return new Candidate(foundation, component, transport, priority, IpAddresses.toText(ip), port, type,
                relatedAddress, relatedPort, tcpType, extensions);
    }

    /** The same candidate with its address shown as {@code name} (mDNS publishing). */
    public Candidate withAddressText(String name) {
        return new Candidate(foundation, component, transport, priority, name, port, type, relatedAddress,
                relatedPort, tcpType, extensions);
    }

    /** The attribute value without "a=": {@code candidate:1 1 udp 2130706431 192.0.2.1 5000 typ host}. */
    public String toSdpValue() {
        StringBuilder sb = new StringBuilder("candidate:").append(foundation).append(' ').append(component).append(' ')
                .append(transport.name().toLowerCase(Locale.ROOT)).append(' ').append(priority).append(' ')
                .append(address).append(' ').append(port).append(" typ ").append(type.sdpName());
        if (relatedAddress != null) {
            sb.append(" raddr ").append(relatedAddress).append(" rport ").append(relatedPort);
        }
        if (tcpType != null) {
            sb.append(" tcptype ").append(tcpType.sdpName());
        }
        extensions.forEach((k, v) -> sb.append(' ').append(k).append(' ').append(v));
        return sb.toString();
    }

    @Override
    public String toString() {
        return toSdpValue();
    }
}
