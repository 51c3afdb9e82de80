package dev.jrtc.peerconnection.engine;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Predicate;

/**
 * DTLS datagrams that beat ICE validation, held instead of dropped. When we offered, the peer is
 * the DTLS client: it sends its ClientHello as soon as its own check succeeds, often before our
 * check towards it has (Chromium does this every time on loopback). Such a datagram is held only
 * if its source has sent us an authenticated ICE check; it is handed on once ICE validates the
 * source (the source gate still decides), or counted as a gate drop once it has waited
 * {@link #MAX_WAIT_NANOS}. At most {@link #CAPACITY} are held; nothing is processed before
 * validation, so the gate's protection against the ClientHello race is unchanged.
 */
final class EarlyDtlsHold {
    static final int CAPACITY = 8;
    static final long MAX_WAIT_NANOS = 2_000_000_000L;

    /** Where a released datagram goes, and what counts an expired one. */
    interface Release {
        void deliver(InetSocketAddress remote, InetSocketAddress local, byte[] datagram);

        void expired();
    }

    private record Held(long at, InetSocketAddress remote, InetSocketAddress local, byte[] datagram) {
    }

    private final ArrayDeque<Held> held = new ArrayDeque<>();

    /**
     * Holds a copy of the datagram if its source checked us and there is room.
     *
     * @return whether it was held (otherwise the caller lets the gate drop it)
     */
    boolean hold(long now, InetSocketAddress remote, InetSocketAddress local, byte[] buf, int off, int len,
            Predicate<InetSocketAddress> checkedUs) {
        if (held.size() >= CAPACITY || !checkedUs.test(remote)) {
            return false;
        }
        held.add(new Held(now, remote, local, Arrays.copyOfRange(buf, off, off + len)));
        return true;
    }

    /** Hands on, in arrival order, every datagram whose source is now validated; expires the old ones. */
    void release(long now, Predicate<InetSocketAddress> validated, Release to) {
        if (held.isEmpty()) {
            return;
        }
        Iterator<Held> it = held.iterator();
        while (it.hasNext()) {
            Held h = it.next();
            if (validated.test(h.remote())) {
                it.remove();
                to.deliver(h.remote(), h.local(), h.datagram());
            } else if (now - h.at() >= MAX_WAIT_NANOS) {
                it.remove();
                to.expired();
            }
        }
    }

    /** Datagrams held now. */
    int size() {
        return held.size();
    }
}
