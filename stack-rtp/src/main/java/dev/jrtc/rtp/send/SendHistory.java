package dev.jrtc.rtp.send;

/**
 * The last packets sent on a stream, by sequence number, so NACKed ones can be sent again. Each
 * packet is copied into a slot that is reused as the history wraps, so steady sending allocates
 * nothing once the slots are sized. The slot table is made at the first packet, so a stream that
 * never sends (a receive-only transceiver) costs almost nothing.
 */
public final class SendHistory {
    private final int capacity;
    private final int mask;
    private int[] seq;
    private byte[][] data;
    private int[] length;
    private long[] lastRetransmitNanos;
    private int[] retransmitCount;

    /** A history of {@code capacity} packets, a power of two. */
    public SendHistory(int capacity) {
        if (capacity < 16 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two of at least 16");
        }
        this.capacity = capacity;
        mask = capacity - 1;
    }

    /** Remembers a packet with sequence number {@code sequenceNumber}; the bytes are copied. */
    public void put(int sequenceNumber, byte[] packet, int off, int len) {
        if (seq == null) {
            seq = new int[capacity];
            java.util.Arrays.fill(seq, -1);
            data = new byte[capacity][];
            length = new int[capacity];
            lastRetransmitNanos = new long[capacity];
            retransmitCount = new int[capacity];
        }
        int i = sequenceNumber & mask;
        if (data[i] == null || data[i].length < len) {
            data[i] = new byte[Math.max(len, 1500)];
        }
        System.arraycopy(packet, off, data[i], 0, len);
        seq[i] = sequenceNumber & 0xFFFF;
        length[i] = len;
        lastRetransmitNanos[i] = Long.MIN_VALUE;
        retransmitCount[i] = 0;
    }

    /** Whether the packet is still held. */
    public boolean contains(int sequenceNumber) {
        return seq != null && seq[sequenceNumber & mask] == (sequenceNumber & 0xFFFF);
    }

    /** A copy of the packet, or {@code null} if it is no longer held. */
    public byte[] copy(int sequenceNumber) {
        int i = sequenceNumber & mask;
        return contains(sequenceNumber) ? java.util.Arrays.copyOf(data[i], length[i]) : null;
    }

    /**
     * Marks the packet as retransmitted now unless it was retransmitted less than
     * {@code minIntervalNanos} ago (a NACK repeated before our answer could arrive).
     *
     * @return how many times it was retransmitted before, or -1 if it is not to be retransmitted now
     */
    public int claimRetransmission(int sequenceNumber, long nowNanos, long minIntervalNanos) {
        int i = sequenceNumber & mask;
        if (!contains(sequenceNumber)) {
            return -1;
        }
        if (lastRetransmitNanos[i] != Long.MIN_VALUE && nowNanos - lastRetransmitNanos[i] < minIntervalNanos) {
            return -1;
        }
        lastRetransmitNanos[i] = nowNanos;
        return retransmitCount[i]++;
    }
}
