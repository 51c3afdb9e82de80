package dev.jrtc.ice.turn;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The channels of one TURN allocation (RFC 8656 section 12): which number is bound to which peer,
 * whether the server has confirmed it, and when each must be bound again (bindings last 10 minutes;
 * we refresh after 9). Peer addresses must already be normalised.
 */
final class ChannelBindings {
    private static final long REFRESH = Duration.ofMinutes(9).toNanos();
    private final Map<InetSocketAddress, Integer> byPeer = new HashMap<>();
    private final Map<Integer, InetSocketAddress> byChannel = new HashMap<>();
    private final Map<Integer, Long> refreshAt = new HashMap<>();
    private int next = ChannelData.MIN_CHANNEL;

    /** Reserves the next number for {@code peer}; empty if it has one or the numbers ran out. */
    OptionalInt reserve(InetSocketAddress peer) {
        if (byPeer.containsKey(peer) || next > ChannelData.MAX_CHANNEL) {
            return OptionalInt.empty();
        }
        int channel = next++;
        byPeer.put(peer, channel);
        byChannel.put(channel, peer);
        return OptionalInt.of(channel);
    }

    /** The server confirmed {@code channel}: usable now, bound again before it expires. */
    void confirmed(int channel, long nowNanos) {
        refreshAt.put(channel, nowNanos + REFRESH);
    }

    /** The confirmed channel for {@code peer}, if any. */
    OptionalInt confirmedFor(InetSocketAddress peer) {
        Integer c = byPeer.get(peer);
        return c != null && refreshAt.containsKey(c) ? OptionalInt.of(c) : OptionalInt.empty();
    }

    /** The channel reserved for {@code peer}, confirmed or not. */
    Integer channelFor(InetSocketAddress peer) {
        return byPeer.get(peer);
    }

    /** The peer bound to {@code channel}, or null. */
    InetSocketAddress peerOf(int channel) {
        return byChannel.get(channel);
    }

    /** Channels whose binding is due now; each is marked so that it is returned once. */
    List<Integer> dueForRefresh(long nowNanos) {
        List<Integer> due = new ArrayList<>();
        for (Map.Entry<Integer, Long> c : refreshAt.entrySet()) {
            if (nowNanos >= c.getValue()) {
                c.setValue(Long.MAX_VALUE);
                due.add(c.getKey());
            }
        }
        return due;
    }

    /** The earliest refresh, or {@code Long.MAX_VALUE}. */
    long deadline() {
        long d = Long.MAX_VALUE;
        for (long c : refreshAt.values()) {
            d = Math.min(d, c);
        }
        return d;
    }

    /** Forgets {@code channel} (its binding failed). */
    void remove(int channel) {
        InetSocketAddress peer = byChannel.remove(channel);
        if (peer != null) {
            byPeer.remove(peer);
        }
        refreshAt.remove(channel);
    }

    /** Forgets everything (the allocation is gone). */
    void clear() {
        byPeer.clear();
        byChannel.clear();
        refreshAt.clear();
        next = ChannelData.MIN_CHANNEL;
    }

    /** The peers with a reserved channel. */
    List<InetSocketAddress> peers() {
        return List.copyOf(byPeer.keySet());
    }
}
