package dev.jrtc.ice.mdns;

import dev.jrtc.common.ParseException;
import dev.jrtc.common.RandomSource;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Publishes our host addresses as random {@code <uuid>.local} names and answers queries for them,
 * so host IPs never appear in signalling (draft-ietf-mmusic-mdns-ice-candidates).
 */
public final class MdnsResponder {
    private static final long TTL_SECONDS = 120;
    private final RandomSource random;
    private final Map<String, InetAddress> byName = new HashMap<>();
    private final Map<InetAddress, String> byAddress = new HashMap<>();

    /** A responder drawing names from {@code random}. */
    public MdnsResponder(RandomSource random) {
        this.random = random;
    }

    /** The name for {@code address}, made on first use. */
    public String nameFor(InetAddress address) {
        return byAddress.computeIfAbsent(address, a -> {
            String name = new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                    random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L) + ".local";
            byName.put(name, a);
            return name;
        });
    }

    /** The response to a query datagram if it asks for one of our names. */
    public Optional<byte[]> answer(byte[] buf, int offset, int length) {
        DnsMessage.Parsed parsed;
        try {
            parsed = DnsMessage.parse(buf, offset, length);
        } catch (ParseException e) {
            return Optional.empty();
        }
        if (parsed.response()) {
            return Optional.empty();
        }
        for (DnsMessage.Question q : parsed.questions()) {
            InetAddress a = byName.get(q.name().toLowerCase(Locale.ROOT));
            if (a != null) {
                return Optional.of(DnsMessage.response(q.name(), a, TTL_SECONDS));
            }
        }
        return Optional.empty();
    }
}
