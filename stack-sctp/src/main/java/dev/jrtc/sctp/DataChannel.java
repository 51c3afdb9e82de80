package dev.jrtc.sctp;

import dev.jrtc.sctp.dcep.Ppid;
import java.nio.charset.StandardCharsets;

/**
 * One data channel (RFC 8831): a pair of SCTP streams with the same id and a reliability policy.
 * This is the sans-IO core object behind the W3C {@code RTCDataChannel}; calls run on the thread
 * that drives the association, and after each one the driver drains {@link SctpAssociation#poll()}.
 *
 * <p>Sending never blocks and never drops what it accepted: messages queue without limit and the
 * queued bytes show in {@link #bufferedAmount()}; the API layer decides how much to allow.
 */
public final class DataChannel {
    private final DataChannelManager manager;
    private final int id;
    private final String label;
    private final String protocol;
    private final boolean ordered;
    private final Integer maxRetransmits;
    private final Integer maxPacketLifeTimeMillis;
    private final boolean negotiated;
    private ReadyState readyState = ReadyState.CONNECTING;
    private long bufferedAmount;
    private long bufferedAmountLowThreshold;
    boolean awaitingAck; // an in-band channel we opened: ordered until DATA_CHANNEL_ACK (RFC 8832 §6)
    boolean incomingReset;
    boolean outgoingReset;

    DataChannel(DataChannelManager manager, int id, String label, String protocol, boolean ordered,
            Integer maxRetransmits, Integer maxPacketLifeTimeMillis, boolean negotiated) {
        this.manager = manager;
        this.id = id;
        this.label = label;
        this.protocol = protocol;
        this.ordered = ordered;
        this.maxRetransmits = maxRetransmits;
        this.maxPacketLifeTimeMillis = maxPacketLifeTimeMillis;
        this.negotiated = negotiated;
    }

    /** The SCTP stream id. */
    public int id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String protocol() {
        return protocol;
    }

    public boolean ordered() {
        return ordered;
    }

    /** The retransmission limit, or null. */
    public Integer maxRetransmits() {
        return maxRetransmits;
    }

    /** The lifetime limit in milliseconds, or null. */
    public Integer maxPacketLifeTime() {
        return maxPacketLifeTimeMillis;
    }

    public boolean negotiated() {
        return negotiated;
    }

    public ReadyState readyState() {
        return readyState;
    }

    /**
     * Bytes accepted by {@code send} and not yet handed to the network. An empty message counts
     * as the one placeholder byte it is sent as (RFC 8831 §6.6).
     */
    public long bufferedAmount() {
        return bufferedAmount;
    }

    public long bufferedAmountLowThreshold() {
        return bufferedAmountLowThreshold;
    }

    /** Sets the level at or below which {@link SctpEvent.BufferedAmountLow} fires. */
    public void setBufferedAmountLowThreshold(long threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("negative threshold");
        }
        this.bufferedAmountLowThreshold = threshold;
    }

    /**
     * Sends a string (PPID 51, or 56 when empty).
     *
     * @throws IllegalStateException unless the channel is open
     * @throws MessageTooLargeException if the UTF-8 form exceeds the peer's max-message-size
     */
    public void send(long nowNanos, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length == 0) {
            enqueue(nowNanos, Ppid.STRING_EMPTY, new byte[1], 0);
        } else {
            enqueue(nowNanos, Ppid.STRING, utf8, utf8.length);
        }
    }

    /** Sends binary data (PPID 53, or 57 when empty); the bytes are copied. */
    public void send(long nowNanos, byte[] data) {
        send(nowNanos, data, 0, data.length);
    }

    /** Sends {@code data[offset, offset + length)} as binary; the bytes are copied. */
    public void send(long nowNanos, byte[] data, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
        if (length == 0) {
            enqueue(nowNanos, Ppid.BINARY_EMPTY, new byte[1], 0);
            return;
        }
        checkSendable(length);
        byte[] copy = new byte[length];
        System.arraycopy(data, offset, copy, 0, length);
        manager.send(nowNanos, this, Ppid.BINARY, copy);
        bufferedAmount += length;
    }

    private void enqueue(long nowNanos, long ppid, byte[] owned, int userLength) {
        checkSendable(userLength);
        manager.send(nowNanos, this, ppid, owned);
        bufferedAmount += owned.length;
    }

    private void checkSendable(long length) {
        if (readyState != ReadyState.OPEN) {
            throw new IllegalStateException("data channel " + id + " is " + readyState);
        }
        long limit = manager.remoteMaxMessageSize();
        if (limit > 0 && length > limit) {
            throw new MessageTooLargeException(length, limit);
        }
    }

    /** Starts closing: the stream is reset once everything queued has been sent (RFC 8831 §6.7). */
    public void close(long nowNanos) {
        if (readyState == ReadyState.CLOSING || readyState == ReadyState.CLOSED) {
            return;
        }
        readyState = ReadyState.CLOSING;
        manager.close(nowNanos, this);
    }

    void setReadyState(ReadyState s) {
        readyState = s;
    }

    /** Returns true if the amount crossed the threshold downwards. */
    boolean decreaseBuffered(long bytes) {
        long before = bufferedAmount;
        bufferedAmount = Math.max(0, bufferedAmount - bytes);
        return before > bufferedAmountLowThreshold && bufferedAmount <= bufferedAmountLowThreshold;
    }

    @Override
    public String toString() {
        return "DataChannel[" + id + " '" + label + "' " + readyState + "]";
    }
}
