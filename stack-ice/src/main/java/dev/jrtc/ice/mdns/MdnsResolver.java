package dev.jrtc.ice.mdns;

import dev.jrtc.common.ParseException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves {@code .local} names with our own one-shot multicast queries (RFC 6762 section 5.1),
 * sans-IO: it asks its {@link Listener} to send each query to 224.0.0.251:5353 and is given the
 * responses. A name that gets no answer after {@code attempts} queries is reported unresolvable;
 * ICE then still connects through peer-reflexive candidates.
 */
public final class MdnsResolver {
    /** The mDNS group and port. */
    public static final InetSocketAddress GROUP_V4 = new InetSocketAddress(v4Group(), 5353);
    private static final long RETRY_NANOS = 1_000_000_000L;

    /** Where queries go and results come out. */
    public interface Listener {
        /** Send this query to {@link #GROUP_V4}. */
        void sendQuery(byte[] query);

        /** A name resolved. */
        void resolved(String name, InetAddress address);

        /** A name could not be resolved. */
        void unresolved(String name);
    }

    private final Listener listener;
    private final int attempts;
    private final Map<String, long[]> pending = new HashMap<>(); // name -> {nextAt, sent}
    private final Map<String, InetAddress> cache = new HashMap<>();

    /** A resolver that tries each name {@code attempts} times, a second apart. */
    public MdnsResolver(Listener listener, int attempts) {
        this.listener = listener;
        this.attempts = attempts;
    }

    private static InetAddress v4Group() {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 224, 0, 0, (byte) 251});
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Starts resolving {@code name}; a cached answer is reported at once. */
    public void resolve(long nowNanos, String name) {
        String key = name.toLowerCase(Locale.ROOT);
        InetAddress cached = cache.get(key);
        if (cached != null) {
            listener.resolved(name, cached);
            return;
        }
        if (pending.containsKey(key)) {
            return;
        }
        pending.put(key, new long[] {nowNanos + RETRY_NANOS, 1});
        listener.sendQuery(DnsMessage.query(key));
    }

    /** Whether a datagram from {@code remote} could be an mDNS response. */
    public static boolean isMdnsSource(InetSocketAddress remote) {
        return remote.getPort() == 5353;
    }

    /** A datagram from port 5353; malformed input is ignored. */
    public void handleResponse(byte[] buf, int offset, int length) {
        DnsMessage.Parsed parsed;
        try {
            parsed = DnsMessage.parse(buf, offset, length);
        } catch (ParseException e) {
            return;
        }
        if (!parsed.response()) {
            return;
        }
        for (DnsMessage.Answer a : parsed.answers()) {
            if (pending.remove(a.name()) != null) {
                cache.put(a.name(), a.address());
                listener.resolved(a.name(), a.address());
            }
        }
    }

    /** Retries and gives up. */
    public void handleTimeout(long nowNanos) {
        for (Iterator<Map.Entry<String, long[]>> it = pending.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, long[]> e = it.next();
            long[] s = e.getValue();
            if (nowNanos < s[0]) {
                continue;
            }
            if (s[1] >= attempts) {
                it.remove();
                listener.unresolved(e.getKey());
            } else {
                s[1]++;
                s[0] = nowNanos + RETRY_NANOS;
                listener.sendQuery(DnsMessage.query(e.getKey()));
            }
        }
    }

    /** When {@link #handleTimeout} next has work. */
    public long deadline() {
        long d = Long.MAX_VALUE;
        for (long[] s : pending.values()) {
            d = Math.min(d, s[0]);
        }
        return d;
    }

    /** A cached resolution. */
    public Optional<InetAddress> cached(String name) {
        return Optional.ofNullable(cache.get(name.toLowerCase(Locale.ROOT)));
    }
}
