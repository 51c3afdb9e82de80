package dev.jrtc.rtp.receive;

import dev.jrtc.rtp.DropCounters;
import dev.jrtc.rtp.DropReason;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.ext.ExtensionReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides which receive stream an incoming RTP packet belongs to, as RFC 8843 section 9.2 and
 * RFC 8852 describe for a BUNDLE transport:
 *
 * <ol>
 *   <li>an SSRC that was signalled ({@link #bindSsrc}) or already learned keeps its stream;</li>
 *   <li>an unknown SSRC is learned from the packet's {@code mid} extension, narrowed by
 *       {@code rid} to one simulcast layer, or by {@code repaired-rid} to the layer an RTX stream
 *       repairs;</li>
 *   <li>without a {@code mid}, a payload type that exactly one stream receives (as media, or as
 *       RTX through its {@code apt}) picks that stream.</li>
 * </ol>
 *
 * <p>A packet on an RTX payload type, or with {@code repaired-rid}, is routed as a repair, for
 * {@link RtxUnwrapper}. The table of SSRCs is bounded: an SSRC flood cannot grow it. When it is
 * full, a learned SSRC idle for longer than {@link Config#idleNanos()} gives its place to the new
 * one; otherwise the new packet is dropped and counted as {@link DropReason#SSRC_TABLE_FULL}.
 * Packets that match no stream are counted as {@link DropReason#UNKNOWN_STREAM}. Routing a known
 * SSRC allocates nothing.
 *
 * @param <T> what a stream is to the caller (a receive stream, a transceiver)
 */
public final class RtpRouter<T> {
    /**
     * Limits.
     *
     * @param maxSsrcs  SSRCs remembered at once, signalled ones included
     * @param idleNanos how long a learned SSRC must be silent before a new one may take its place
     */
    public record Config(int maxSsrcs, long idleNanos) {
        /** Checks the values. */
        public Config {
            if (maxSsrcs < 1 || maxSsrcs > 4096) {
                throw new IllegalArgumentException("maxSsrcs must be 1..4096, got " + maxSsrcs);
            }
            if (idleNanos <= 0) {
                throw new IllegalArgumentException("idleNanos must be positive");
            }
        }

        /** 64 SSRCs (16 simulcast streams with RTX, four times over); 5 s idle before reuse. */
        public static Config defaults() {
            return new Config(64, 5_000_000_000L);
        }
    }

    /**
     * Where a packet goes.
     *
     * @param stream the stream
     * @param repair whether the packet is an RTX repair of that stream's media
     */
    public record Route<T>(T stream, boolean repair) {
    }

    /** One stream the router can deliver to: its MID, its RID (or null) and its payload types. */
    private record Target<T>(T stream, String mid, String rid, Set<Integer> mediaPayloadTypes,
                             Set<Integer> rtxPayloadTypes, Route<T> media, Route<T> repair) {
        Route<T> routeFor(int payloadType) {
            return rtxPayloadTypes.contains(payloadType) ? repair : media;
        }

        boolean uses(int payloadType) {
            return mediaPayloadTypes.contains(payloadType) || rtxPayloadTypes.contains(payloadType);
        }
    }

    private final Config config;
    private final DropCounters drops;
    private final ExtensionReader extensions;
    private final List<Target<T>> targets = new ArrayList<>();

    // The SSRC table: parallel arrays scanned linearly (small and allocation-free).
    private final long[] ssrcs;
    private final Object[] routes;
    private final long[] lastSeen;
    private final boolean[] signalled;
    private int size;
    private int lastHit;

    /**
     * @param extensions the negotiated extension ids of the bundle, for {@code mid}, {@code rid}
     *                   and {@code repaired-rid}
     * @param drops      where dropped packets are counted
     */
    public RtpRouter(ExtensionMap extensions, Config config, DropCounters drops) {
        this.extensions = new ExtensionReader(Objects.requireNonNull(extensions, "extensions"));
        this.config = Objects.requireNonNull(config, "config");
        this.drops = Objects.requireNonNull(drops, "drops");
        this.ssrcs = new long[config.maxSsrcs()];
        this.routes = new Object[config.maxSsrcs()];
        this.lastSeen = new long[config.maxSsrcs()];
        this.signalled = new boolean[config.maxSsrcs()];
    }

    /**
     * Adds a stream.
     *
     * @param stream       the caller's stream
     * @param mid          its media section's MID
     * @param rid          its simulcast RID, or {@code null} when the section is not simulcast
     * @param payloadTypes the media payload types it receives
     * @param rtxApt       its RTX payload types and the media payload type each repairs
     * @throws IllegalArgumentException if the same MID and RID were added before
     */
    public void addStream(T stream, String mid, String rid, Set<Integer> payloadTypes, Map<Integer, Integer> rtxApt) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(mid, "mid");
        for (Target<T> t : targets) {
            if (t.mid.equals(mid) && Objects.equals(t.rid, rid)) {
                throw new IllegalArgumentException("a stream for mid " + mid + " and rid " + rid + " exists already");
            }
        }
        targets.add(new Target<>(stream, mid, rid, Set.copyOf(payloadTypes), Set.copyOf(rtxApt.keySet()),
                new Route<>(stream, false), new Route<>(stream, true)));
    }

    /**
     * Binds a signalled SSRC ({@code a=ssrc}) to a stream added before. Signalled SSRCs are never
     * evicted or re-learned.
     *
     * @throws IllegalArgumentException if the stream is unknown or the table is full
     */
    public void bindSsrc(long ssrc, T stream, boolean repair) {
        Target<T> target = targets.stream().filter(t -> t.stream.equals(stream)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown stream " + stream));
        int i = indexOf(ssrc & 0xFFFF_FFFFL);
        if (i < 0) {
            if (size == ssrcs.length) {
                throw new IllegalArgumentException("SSRC table full (" + size + ")");
            }
            i = size++;
            ssrcs[i] = ssrc & 0xFFFF_FFFFL;
        }
        routes[i] = repair ? target.repair : target.media;
        signalled[i] = true;
    }

    /** Forgets an SSRC (after an RTCP BYE, or a renegotiation that removed it). */
    public void forget(long ssrc) {
        int i = indexOf(ssrc & 0xFFFF_FFFFL);
        if (i >= 0) {
            size--;
            ssrcs[i] = ssrcs[size];
            routes[i] = routes[size];
            lastSeen[i] = lastSeen[size];
            signalled[i] = signalled[size];
            routes[size] = null;
            lastHit = 0;
        }
    }

    /**
     * Where {@code packet} goes, or {@code null} when it was dropped and counted.
     *
     * @param nowNanos the arrival time, for the idle rule
     */
    @SuppressWarnings("unchecked")
    public Route<T> route(long nowNanos, RtpPacket packet) {
        long ssrc = packet.ssrc();
        int i = indexOf(ssrc);
        if (i >= 0) {
            lastSeen[i] = nowNanos;
            return (Route<T>) routes[i];
        }
        Route<T> route = resolve(packet);
        if (route == null) {
            drops.count(DropReason.UNKNOWN_STREAM);
            return null;
        }
        int slot = size < ssrcs.length ? size++ : idleSlot(nowNanos);
        if (slot < 0) {
            drops.count(DropReason.SSRC_TABLE_FULL);
            return null;
        }
        ssrcs[slot] = ssrc;
        routes[slot] = route;
        lastSeen[slot] = nowNanos;
        signalled[slot] = false;
        lastHit = slot;
        return route;
    }

    /** How many SSRCs are known, signalled and learned. */
    public int knownSsrcs() {
        return size;
    }

    private Route<T> resolve(RtpPacket packet) {
        int pt = packet.payloadType();
        String mid = extensions.mid(packet);
        if (mid == null) {
            return byPayloadType(pt);
        }
        String repairedRid = extensions.repairedRid(packet);
        String rid = repairedRid != null ? repairedRid : extensions.rid(packet);
        Target<T> found = null;
        int withMid = 0;
        for (Target<T> t : targets) {
            if (!t.mid.equals(mid)) {
                continue;
            }
            withMid++;
            if (rid != null ? rid.equals(t.rid) : t.rid == null) {
                found = t;
            }
        }
        if (found == null && rid == null && withMid == 1) {
            // A simulcast section whose sender left the RID out: one layer is unambiguous.
            found = targets.stream().filter(t -> t.mid.equals(mid)).findFirst().orElse(null);
        }
        if (found == null) {
            return null;
        }
        return repairedRid != null ? found.repair : found.routeFor(pt);
    }

    private Route<T> byPayloadType(int pt) {
        Target<T> only = null;
        for (Target<T> t : targets) {
            if (t.uses(pt)) {
                if (only != null) {
                    return null; // two streams share the payload type: only a MID could tell them apart
                }
                only = t;
            }
        }
        return only == null ? null : only.routeFor(pt);
    }

    private int indexOf(long ssrc) {
        if (lastHit < size && ssrcs[lastHit] == ssrc) {
            return lastHit;
        }
        for (int i = 0; i < size; i++) {
            if (ssrcs[i] == ssrc) {
                lastHit = i;
                return i;
            }
        }
        return -1;
    }

    /** The learned SSRC silent the longest, if it has been silent for at least the idle time. */
    private int idleSlot(long nowNanos) {
        int oldest = -1;
        for (int i = 0; i < size; i++) {
            if (!signalled[i] && (oldest < 0 || lastSeen[i] < lastSeen[oldest])) {
                oldest = i;
            }
        }
        return oldest >= 0 && nowNanos - lastSeen[oldest] >= config.idleNanos() ? oldest : -1;
    }
}
