package dev.jrtc.sctp.assoc;

/**
 * A user message accepted for sending, with its partial-reliability policy (RFC 3758 as the W3C
 * uses it). Fragments point into {@link #data}; nothing is copied until the packet is written.
 */
public final class OutboundMessage {
    /** No limit on retransmissions. */
    public static final int UNLIMITED = -1;
    /** No lifetime limit. */
    public static final long NO_EXPIRY = Long.MAX_VALUE;

    final int streamId;
    final long ppid;
    final byte[] data;
    final boolean unordered;
    final int maxRetransmits;
    final long expiresAtNanos;

    /** SSN (DATA) or MID (I-DATA), assigned when the first fragment is sent. */
    long messageId = -1;
    /** Bytes already cut into fragments. */
    int offset;
    long nextFragmentSequence;
    long firstTsn = -1;
    long lastTsn = -1;
    boolean abandoned;

    /**
     * @param data the message bytes; the sender owns this array from now on
     * @param maxRetransmits how often a fragment may be retransmitted, or {@link #UNLIMITED}
     * @param expiresAtNanos when to stop (re)transmitting, or {@link #NO_EXPIRY}
     */
    public OutboundMessage(int streamId, long ppid, byte[] data, boolean unordered, int maxRetransmits,
            long expiresAtNanos) {
        if (data.length == 0) {
            throw new IllegalArgumentException("SCTP cannot carry an empty message (RFC 8831 §6.6 uses one zero byte)");
        }
        this.streamId = streamId;
        this.ppid = ppid;
        this.data = data;
        this.unordered = unordered;
        this.maxRetransmits = maxRetransmits;
        this.expiresAtNanos = expiresAtNanos;
    }

    int remaining() {
        return data.length - offset;
    }

    boolean started() {
        return messageId >= 0;
    }

    boolean reliable() {
        return maxRetransmits == UNLIMITED && expiresAtNanos == NO_EXPIRY;
    }

    boolean expired(long now) {
        return now >= expiresAtNanos;
    }
}
