package dev.jrtc.sctp.assoc;

import java.util.ArrayDeque;

/**
 * The sender's chunks above the cumulative TSN ack point, in TSN order (RFC 9260 §6.3, §7.2.4; loss is
 * decided by {@link RackLossDetector}). It
 * is a ring indexed by TSN, so a SACK finds any chunk in constant time, and it keeps the flight
 * size: bytes sent, not acknowledged and not marked lost.
 */
final class RetransmissionQueue {
    private Outstanding[] ring = new Outstanding[8];
    private int head;
    private int size;
    /** The TSN of the entry at {@link #head}: one above the cumulative TSN ack point. */
    private long firstTsn;
    private long flightBytes;
    private int gapAcked;
    private final ArrayDeque<Outstanding> retransmit = new ArrayDeque<>();

    RetransmissionQueue(long initialTsn) {
        this.firstTsn = initialTsn;
    }

    long flightBytes() {
        return flightBytes;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The TSN just above the highest one held (the next TSN the sender assigns). */
    long endTsn() {
        return Tsn.add(firstTsn, size);
    }

    Outstanding get(long tsn) {
        int i = Tsn.diff(tsn, firstTsn);
        return i >= 0 && i < size ? ring[(head + i) & (ring.length - 1)] : null;
    }

    private Outstanding at(int i) {
        return ring[(head + i) & (ring.length - 1)];
    }

    /** Appends a chunk just sent; its TSN is {@link #endTsn()}. */
    void add(Outstanding o) {
        if (size == ring.length) {
            Outstanding[] bigger = new Outstanding[ring.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = at(i);
            }
            ring = bigger;
            head = 0;
        }
        ring[(head + size) & (ring.length - 1)] = o;
        size++;
        flightBytes += o.bytes();
    }

    /** Counts a retransmitted chunk back into the flight. */
    void onRetransmitted(Outstanding o) {
        o.state = Outstanding.State.IN_FLIGHT;
        o.transmissions++;
        flightBytes += o.bytes();
    }

    /** The result of {@link #acknowledge}. */
    static final class AckResult {
        long bytesNewlyAcked;
        boolean cumulativeAdvanced;
        long highestNewlyAcked = -1;
        boolean anyNewlyAcked;
        /** In: the TSN being timed (or -1). Out: whether it was acknowledged now, sent only once. */
        long timedTsn = -1;
        boolean timedAcked;
        /** Told about every newly acknowledged chunk, or null. */
        Listener listener;

        interface Listener {
            void acked(Outstanding o, boolean wasMarkedLost);
        }
    }

    /** Chunks reported in gap blocks and not yet passed by the cumulative ack. */
    int gapAckedCount() {
        return gapAcked;
    }

    /**
     * Applies a SACK's cumulative ack and gap blocks. Entries at or below {@code cumTsn} leave the
     * queue through {@code onRemoved}.
     */
    void acknowledge(long cumTsn, int[] gapBlocks, AckResult r, java.util.function.Consumer<Outstanding> onRemoved) {
        while (size > 0 && Tsn.le(firstTsn, cumTsn)) {
            Outstanding o = ring[head];
            ring[head] = null;
            head = (head + 1) & (ring.length - 1);
            size--;
            firstTsn = Tsn.add(firstTsn, 1);
            if (o.state == Outstanding.State.IN_FLIGHT) {
                flightBytes -= o.bytes();
                newlyAcked(o, false, r);
            } else if (o.state == Outstanding.State.TO_RETRANSMIT) {
                newlyAcked(o, true, r);
            } else if (o.state == Outstanding.State.GAP_ACKED) {
                gapAcked--;
            }
            r.cumulativeAdvanced = true;
            onRemoved.accept(o);
        }
        if (gapBlocks.length == 0 && gapAcked == 0) {
            return;
        }
        // Walk the window once: entries inside a gap block are acked; previously gap-acked entries
        // outside every block were reneged (§6.2) and go back into the flight.
        int block = 0;
        for (int i = 0; i < size; i++) {
            Outstanding o = at(i);
            int offset = Tsn.diff(o.tsn(), cumTsn);
            while (block < gapBlocks.length && offset > gapBlocks[block + 1]) {
                block += 2;
            }
            boolean inBlock = block < gapBlocks.length && offset >= gapBlocks[block];
            if (inBlock) {
                if (o.state == Outstanding.State.IN_FLIGHT || o.state == Outstanding.State.TO_RETRANSMIT) {
                    boolean wasLost = o.state == Outstanding.State.TO_RETRANSMIT;
                    if (!wasLost) {
                        flightBytes -= o.bytes();
                    }
                    o.state = Outstanding.State.GAP_ACKED;
                    gapAcked++;
                    newlyAcked(o, wasLost, r);
                }
            } else if (o.state == Outstanding.State.GAP_ACKED) {
                o.state = Outstanding.State.IN_FLIGHT;
                gapAcked--;
                flightBytes += o.bytes();
            }
            if (block >= gapBlocks.length && gapAcked == 0) {
                break;
            }
        }
    }

    private static void newlyAcked(Outstanding o, boolean wasMarkedLost, AckResult r) {
        if (r.listener != null) {
            r.listener.acked(o, wasMarkedLost);
        }
        if (o.tsn() == r.timedTsn && o.transmissions == 1) {
            r.timedAcked = true;
        }
        r.bytesNewlyAcked += o.bytes();
        r.anyNewlyAcked = true;
        if (r.highestNewlyAcked < 0 || Tsn.lt(r.highestNewlyAcked, o.tsn())) {
            r.highestNewlyAcked = o.tsn();
        }
    }

    /** Loss detection decided that this chunk, in flight, is lost: take it out of the flight. */
    void markLost(Outstanding o) {
        if (o.state == Outstanding.State.IN_FLIGHT) {
            markLostInternal(o);
        }
    }

    /** T3 expired (§6.3.3 E3): everything in flight is lost; retransmit from the lowest TSN. */
    void markAllLost() {
        retransmit.clear();
        for (int i = 0; i < size; i++) {
            Outstanding o = at(i);
            o.queuedForRetransmit = false;
            if (o.state == Outstanding.State.IN_FLIGHT) {
                markLostInternal(o);
            } else if (o.state == Outstanding.State.TO_RETRANSMIT) {
                o.queuedForRetransmit = true;
                retransmit.add(o);
            }
        }
    }

    private void markLostInternal(Outstanding o) {
        flightBytes -= o.bytes();
        o.state = Outstanding.State.TO_RETRANSMIT;
        if (!o.queuedForRetransmit) {
            o.queuedForRetransmit = true;
            retransmit.add(o);
        }
    }

    /** The next chunk waiting for retransmission, without taking it; null if none. */
    Outstanding peekRetransmit() {
        Outstanding o;
        while ((o = retransmit.peek()) != null) {
            if (o.state == Outstanding.State.TO_RETRANSMIT && get(o.tsn()) == o) {
                return o;
            }
            retransmit.poll();
            o.queuedForRetransmit = false;
        }
        return null;
    }

    void pollRetransmit() {
        Outstanding o = retransmit.poll();
        if (o != null) {
            o.queuedForRetransmit = false;
        }
    }

    boolean hasRetransmissions() {
        return peekRetransmit() != null;
    }

    /**
     * Abandons every outstanding chunk of {@code m} (RFC 3758 §3.5). Returns whether any was
     * found. A message's chunks lie between its first and last TSN.
     */
    boolean abandon(OutboundMessage m) {
        if (m.firstTsn < 0) {
            return false;
        }
        boolean any = false;
        int from = Math.max(0, Tsn.diff(m.firstTsn, firstTsn));
        int to = Math.min(size - 1, Tsn.diff(m.lastTsn, firstTsn));
        for (int i = from; i <= to; i++) {
            Outstanding o = at(i);
            if (o.message != m || o.state == Outstanding.State.ABANDONED) {
                continue;
            }
            if (o.state == Outstanding.State.IN_FLIGHT) {
                flightBytes -= o.bytes();
            } else if (o.state == Outstanding.State.GAP_ACKED) {
                gapAcked--;
            }
            o.state = Outstanding.State.ABANDONED;
            any = true;
        }
        return any;
    }

    /**
     * The Advanced.Peer.Ack.Point (RFC 3758 §3.5 C1, C2): the highest TSN such that everything
     * from the cumulative ack point up to it is abandoned.
     */
    long advancedAckPoint(long cumTsn) {
        long point = cumTsn;
        for (int i = 0; i < size; i++) {
            Outstanding o = at(i);
            if (o.state != Outstanding.State.ABANDONED) {
                break;
            }
            point = o.tsn();
        }
        return point;
    }

    /** Visits entries from the lowest TSN while {@code visitor} returns true. */
    void forEach(java.util.function.Predicate<Outstanding> visitor) {
        for (int i = 0; i < size; i++) {
            if (!visitor.test(at(i))) {
                return;
            }
        }
    }

    /** The lowest outstanding TSN's entry, or null. */
    Outstanding first() {
        return size == 0 ? null : ring[head];
    }
}
