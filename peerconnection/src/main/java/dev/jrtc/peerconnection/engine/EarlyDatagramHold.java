package dev.jrtc.peerconnection.engine;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Predicate;

/**
 * Datagrams that arrived a moment too early, held instead of dropped: a bounded queue of copies,
 * released in arrival order once the caller's condition holds for their source, or counted as
 * dropped once they have waited too long. Two races with real peers need it:
 * <ul>
 *   <li>When we offered, the peer is the DTLS client and sends its ClientHello as soon as its own
 *       ICE check succeeds, often before our check towards it has (Chromium does this every time
 *       on loopback). The caller holds it only if its source has sent us an authenticated check,
 *       and releases it once ICE validated that source, so nothing unvalidated is ever processed.</li>
 *   <li>The peer's first SRTP packets can overtake the DTLS handshake thread's keys (the first
 *       packet of a key frame, with the H.264 parameter sets, is then lost for good); they are
 *       released once the keys are there.</li>
 * </ul>
 */
final class EarlyDatagramHold {

    /** Where a released datagram goes, and what counts an expired one. */
    interface Release {
        void deliver(InetSocketAddress remote, InetSocketAddress local, byte[] datagram);

        void expired();
    }

    private record Held(long at, InetSocketAddress remote, InetSocketAddress local, byte[] datagram) {
    }

    private final int capacity;
    private final long maxWaitNanos;
    private final ArrayDeque<Held> held = new ArrayDeque<>();

    /**
     * @param capacity the most datagrams held at once
     * @param maxWaitNanos how long one may wait before it is dropped
     */
    EarlyDatagramHold(int capacity, long maxWaitNanos) {
        this.capacity = capacity;
        this.maxWaitNanos = maxWaitNanos;
    }

    /**
     * Holds a copy of the datagram if there is room.
     *
     * @return whether it was held (otherwise the caller drops and counts it as before)
     */
    boolean hold(long now, InetSocketAddress remote, InetSocketAddress local, byte[] buf, int off, int len) {
        if (held.size() >= capacity) {
            return false;
        }
        held.add(new Held(now, remote, local, Arrays.copyOfRange(buf, off, off + len)));
        return true;
    }

    /** Hands on, in arrival order, every datagram whose source is now {@code ready}; expires the old ones. */
    void release(long now, Predicate<InetSocketAddress> ready, Release to) {
        if (held.isEmpty()) {
            return;
        }
        Iterator<Held> it = held.iterator();
        while (it.hasNext()) {
            Held h = it.next();
            if (ready.test(h.remote())) {
                it.remove();
                to.deliver(h.remote(), h.local(), h.datagram());
            } else if (now - h.at() >= maxWaitNanos) {
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
