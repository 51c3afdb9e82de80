package dev.jrtc.rtp.send;

import java.util.Arrays;

/**
 * The last packets sent on a stream, by sequence number, so NACKed ones can be sent again.
 *
 * <p>The bytes live in one circular buffer per stream, written one packet after the other, so steady
 * sending allocates nothing and the memory follows the stream's bitrate rather than the packet count.
 * A packet is kept at least {@linkplain #retainFor the retention time} (one second by default, about
 * as long as a receiver keeps asking): the buffer, and the table that finds packets by sequence
 * number, grow by half only when a write would push out a packet younger than that. Neither grows
 * past {@code capacity} packets of full size; past that the oldest packet goes whatever its age. A
 * 1 Mbit/s stream of 100 packets a second settles at about 200 KiB, where a slot of 1,500 bytes per
 * packet of a 1,024-packet capacity held 1.5 MiB. Nothing is allocated until the first packet, so a
 * stream that never sends (a receive-only transceiver) costs almost nothing.
 */
public final class SendHistory {
    /** How long a packet is kept unless {@link #retainFor} says otherwise. */
    public static final long DEFAULT_RETENTION_NANOS = 1_000_000_000L;
    /** A packet with no send time ({@link #put(int, byte[], int, int)}): never old enough to push out early. */
    private static final long UNTIMED = Long.MAX_VALUE;
    private static final int FIRST_SLOTS = 64;
    private static final int FIRST_BUFFER_BYTES = 32 * 1024;
    /** A full-size packet, for the buffer's upper bound. */
    private static final int FULL_PACKET_BYTES = 1_500;

    private final int capacity;
    private final int maxBufferBytes;
    private long retentionNanos = DEFAULT_RETENTION_NANOS;

    private Slots slots;
    private byte[] buffer;
    /** Buffer position (it only grows) where the next packet goes. */
    private long head;
    /** Buffer positions below this may have been overwritten. */
    private long floor;

    /** A history of up to {@code capacity} packets, a power of two. */
    public SendHistory(int capacity) {
        if (capacity < 16 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two of at least 16");
        }
        this.capacity = capacity;
        // Room for capacity full-size packets, and always for a few of the largest possible RTP packets.
        this.maxBufferBytes = Math.max(capacity * FULL_PACKET_BYTES, 4 * 65_536);
    }

    /**
     * Keeps every packet at least this long from now on (the stream sets about three round trips when
     * that is more than the default).
     */
    public void retainFor(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("negative retention");
        }
        retentionNanos = nanos;
    }

    /**
     * Remembers a packet with no send time: it stays until the packet count or the buffer's upper bound
     * pushes it out.
     */
    public void put(int sequenceNumber, byte[] packet, int off, int len) {
        put(UNTIMED, sequenceNumber, packet, off, len);
    }

    /** Remembers a packet with sequence number {@code sequenceNumber}, sent at {@code nowNanos}; the bytes are copied. */
    public void put(long nowNanos, int sequenceNumber, byte[] packet, int off, int len) {
        if (len > maxBufferBytes) {
            throw new IllegalArgumentException("packet of " + len + " bytes");
        }
        if (slots == null) {
            slots = new Slots(Math.min(FIRST_SLOTS, capacity));
            buffer = new byte[Math.max(FIRST_BUFFER_BYTES, Math.min(maxBufferBytes, 4 * len))];
        }
        while (buffer.length < len) {
            growBuffer();
        }
        makeRoom(nowNanos, len);
        long at = head;
        int i = index(at);
        int first = Math.min(len, buffer.length - i);
        System.arraycopy(packet, off, buffer, i, first);
        System.arraycopy(packet, off + first, buffer, 0, len - first);
        head = at + len;
        floor = Math.max(floor, head - buffer.length);
        slots.add(sequenceNumber, at, len, nowNanos);
    }

    /**
     * Pushes out the oldest packets until one of {@code len} bytes fits without overwriting a held one
     * and the table has a free entry; grows the buffer or the table instead while what would go is
     * younger than the retention time.
     */
    private void makeRoom(long nowNanos, int len) {
        while (true) {
            if (!slots.hasOldest()) {
                return;
            }
            long overwrittenBelow = head + len - buffer.length;
            boolean tableFull = slots.full();
            long oldestStart = slots.oldestStart();
            if (oldestStart >= overwrittenBelow && !tableFull) {
                return; // the write leaves every held packet intact
            }
            boolean young = slots.oldestSentNanos() == UNTIMED || nowNanos == UNTIMED
                    || nowNanos - slots.oldestSentNanos() < retentionNanos;
            if (young && tableFull && slots.size() < capacity) {
                slots = slots.grown(Math.min(capacity, slots.size() * 2), floor);
            } else if (young && !tableFull && buffer.length < maxBufferBytes) {
                growBuffer();
            } else {
                slots.dropOldest();
            }
        }
    }

    /** Makes the buffer half as large again (up to its bound), moving the bytes still held. */
    private void growBuffer() {
        byte[] old = buffer;
        int size = (int) Math.min(maxBufferBytes, Math.max(old.length + (old.length >> 1), 1024L));
        byte[] bigger = new byte[size];
        for (long pos = Math.max(floor, head - old.length); pos < head; ) {
            int from = (int) (pos % old.length);
            int to = (int) (pos % bigger.length);
            int n = (int) Math.min(head - pos, Math.min(old.length - from, bigger.length - to));
            System.arraycopy(old, from, bigger, to, n);
            pos += n;
        }
        buffer = bigger;
    }

    private int index(long position) {
        return (int) (position % buffer.length);
    }

    /** Whether the packet is still held. */
    public boolean contains(int sequenceNumber) {
        return slots != null && slots.find(sequenceNumber, floor) >= 0;
    }

    /** A copy of the packet, or {@code null} if it is no longer held. */
    public byte[] copy(int sequenceNumber) {
        int s = slots == null ? -1 : slots.find(sequenceNumber, floor);
        if (s < 0) {
            return null;
        }
        int len = slots.length[s];
        byte[] out = new byte[len];
        int i = index(slots.start[s]);
        int first = Math.min(len, buffer.length - i);
        System.arraycopy(buffer, i, out, 0, first);
        System.arraycopy(buffer, 0, out, first, len - first);
        return out;
    }

    /** Bytes the history takes for packets now: its buffer (0 before the first packet). */
    public int bufferBytes() {
        return buffer == null ? 0 : buffer.length;
    }

    /** Packets the table can find now before it must grow. */
    public int tableSize() {
        return slots == null ? 0 : slots.size();
    }

    /**
     * Marks the packet as retransmitted now unless it was retransmitted less than
     * {@code minIntervalNanos} ago (a NACK repeated before our answer could arrive).
     *
     * @return how many times it was retransmitted before, or -1 if it is not to be retransmitted now
     */
    public int claimRetransmission(int sequenceNumber, long nowNanos, long minIntervalNanos) {
        int s = slots == null ? -1 : slots.find(sequenceNumber, floor);
        if (s < 0) {
            return -1;
        }
        if (slots.lastRetransmitNanos[s] != Long.MIN_VALUE && nowNanos - slots.lastRetransmitNanos[s] < minIntervalNanos) {
            return -1;
        }
        slots.lastRetransmitNanos[s] = nowNanos;
        return slots.retransmitCount[s]++;
    }

    /**
     * The packets held, found by sequence number (slot = sequence & mask), and the order they were
     * written in (a queue of slots, oldest first; an entry whose slot was reused since is skipped).
     */
    private static final class Slots {
        final int mask;
        final int[] seq;
        final long[] start;
        final int[] length;
        final long[] lastRetransmitNanos;
        final int[] retransmitCount;
        final int[] queueSlot;
        final long[] queueStart;
        final long[] queueSentNanos;
        long queueHead;
        long queueTail;

        Slots(int size) {
            mask = size - 1;
            seq = new int[size];
            Arrays.fill(seq, -1);
            start = new long[size];
            length = new int[size];
            lastRetransmitNanos = new long[size];
            retransmitCount = new int[size];
            queueSlot = new int[size];
            queueStart = new long[size];
            queueSentNanos = new long[size];
        }

        int size() {
            return mask + 1;
        }

        boolean full() {
            return queueHead - queueTail >= size();
        }

        void add(int sequenceNumber, long at, int len, long sentNanos) {
            int s = sequenceNumber & mask;
            seq[s] = sequenceNumber & 0xFFFF;
            start[s] = at;
            length[s] = len;
            lastRetransmitNanos[s] = Long.MIN_VALUE;
            retransmitCount[s] = 0;
            int q = (int) (queueHead++ & mask);
            queueSlot[q] = s;
            queueStart[q] = at;
            queueSentNanos[q] = sentNanos;
        }

        /** The slot holding {@code sequenceNumber} intact, or -1. */
        int find(int sequenceNumber, long floor) {
            int s = sequenceNumber & mask;
            return seq[s] == (sequenceNumber & 0xFFFF) && start[s] >= floor ? s : -1;
        }

        /** Whether the queue's oldest entry is a packet still held; drops entries whose slot was reused first. */
        boolean hasOldest() {
            while (queueTail < queueHead) {
                int q = (int) (queueTail & mask);
                int s = queueSlot[q];
                if (seq[s] >= 0 && start[s] == queueStart[q]) {
                    return true;
                }
                queueTail++;
            }
            return false;
        }

        long oldestStart() {
            return queueStart[(int) (queueTail & mask)];
        }

        long oldestSentNanos() {
            return queueSentNanos[(int) (queueTail & mask)];
        }

        void dropOldest() {
            int q = (int) (queueTail++ & mask);
            seq[queueSlot[q]] = -1;
        }

        /** A table of {@code size} entries with the packets still held (at or above {@code floor}), in order. */
        Slots grown(int size, long floor) {
            Slots g = new Slots(size);
            for (long t = queueTail; t < queueHead; t++) {
                int q = (int) (t & mask);
                int s = queueSlot[q];
                if (seq[s] < 0 || start[s] != queueStart[q] || start[s] < floor) {
                    continue;
                }
                g.add(seq[s], start[s], length[s], queueSentNanos[q]);
                int n = seq[s] & g.mask;
                g.lastRetransmitNanos[n] = lastRetransmitNanos[s];
                g.retransmitCount[n] = retransmitCount[s];
            }
            return g;
        }
    }
}
