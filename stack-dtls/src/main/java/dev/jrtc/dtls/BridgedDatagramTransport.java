package dev.jrtc.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bouncycastle.tls.DatagramTransport;

/**
 * The {@link DatagramTransport} Bouncy Castle runs on. Outbound datagrams are copied to a sink
 * (the engine's queue towards the loop). Inbound datagrams come from a bounded queue.
 *
 * <p>It works in two phases. During the handshake, BC's own thread calls {@link #receive} with
 * its retransmission timeout, and we wait that long on the queue: BC's flight timer runs inside
 * that thread. Once the loop takes over after the handshake, {@link #receive} never waits: an
 * empty queue throws {@link NothingQueued}, an {@link InterruptedIOException}, which BC passes up
 * without failing the connection. (BC treats a wait of zero as "forever" and, given a short wait,
 * would spin until it expires; the exception ends the drain at once.)
 */
final class BridgedDatagramTransport implements DatagramTransport {
    /** Thrown in loop mode when no datagram is queued: the drain is complete. */
    static final class NothingQueued extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        NothingQueued() {
            super("no datagram queued");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // control flow, thrown per drain: no stack trace needed
        }
    }

    private static final byte CHANGE_CIPHER_SPEC = 20;
    private static final byte HANDSHAKE = 22;
    private static final byte APPLICATION_DATA = 23;

    private final InboundDatagramQueue inbound;
    private final Consumer<byte[]> outbound;
    private final int mtu;
    private volatile boolean loopMode;
    private volatile boolean aborted;
    private volatile boolean closedByStack;
    /** Our own resend timer's ceiling; BC's doubles to 60 s, which loses calls under heavy loss. */
    static final int MAX_FAST_RESEND_MILLIS = 1_000;
    /** A peer retransmits its flight at most this often (its timer starts near 1 s, ours at 100 ms or more). */
    static final long MIN_ANSWER_INTERVAL_NANOS = 50_000_000L;
    /** Enough for a peer retrying through heavy loss for a whole handshake timeout. */
    static final int MAX_FINAL_FLIGHT_ANSWERS = 16;

    private final int initialResendMillis;
    /** The datagrams of our latest flight, exactly as sent; handshake thread only. */
    private final List<byte[]> lastFlight = new ArrayList<>();
    private boolean receivedSinceLastSend = true;
    private boolean lastWaitExpired;
    private int fastResendMillis;
    /** A change_cipher_spec record held back to share a datagram with the Finished that follows it. */
    private byte[] heldChangeCipherSpec;
    /** Loop thread only: our flight ended the handshake and the peer has not yet shown it got it. */
    private boolean answeringFinalFlight;
    private int answersSent;
    private long lastAnswerNanos;
    /** The highest epoch of a record BC sent, and the highest sequence number it used in that epoch. */
    private int highestEpochSent;
    private long highestSeqSent = -1;
    /** Loop thread only: {@link GcmRecordLayer} writes the epoch now, so BC's own numbering must not reach the wire. */
    private boolean bcSilenced;

    BridgedDatagramTransport(InboundDatagramQueue inbound, Consumer<byte[]> outbound, int mtu, int initialResendMillis) {
        this.inbound = inbound;
        this.outbound = outbound;
        this.mtu = mtu;
        this.initialResendMillis = initialResendMillis;
        this.fastResendMillis = initialResendMillis;
    }

    /** From now on the loop thread calls BC, so {@link #receive} must never block. */
    void enterLoopMode() {
        // The handshake thread has ended and handed over through the engine's queue, so its fields are visible.
        answeringFinalFlight = !receivedSinceLastSend && !lastFlight.isEmpty();
        loopMode = true;
    }

    /** The highest epoch of any record BC sent. Read on the loop after the handshake thread handed over. */
    int highestEpochSent() {
        return highestEpochSent;
    }

    /** The highest sequence number BC used in {@link #highestEpochSent()}, or -1. */
    long highestSeqSent() {
        return highestSeqSent;
    }

    /**
     * From now on records BC writes are discarded: jrtc's record layer owns the epoch's sequence
     * numbers, and a BC record would reuse one. Only handshake answers to a retransmitted final
     * flight could still come from BC; {@link #onDatagramAfterHandshake} repeats the original
     * flight byte for byte instead (its sequence numbers were used once, so the peer's replay
     * window treats them as it should). Loop thread only.
     */
    void silenceBc() {
        bcSilenced = true;
    }

    /**
     * A datagram that arrived after the handshake, before BC sees it; loop thread only. If our
     * flight was the last one of the handshake and the datagram carries a handshake or
     * change_cipher_spec record, the peer is retransmitting its final flight because ours was lost
     * (RFC 6347, section 4.2.4), so our last flight goes out again byte for byte. BC answers too,
     * but only once it has reassembled the peer's whole flight again, which under heavy loss takes
     * many rounds; each lost answer costs the peer a retransmission timeout. The first application
     * data from the peer proves it finished, and the answers stop.
     */
    void onDatagramAfterHandshake(long nowNanos, byte[] datagram) {
        if (datagram.length > 0) {
            onDatagramAfterHandshake(nowNanos, datagram[0]);
        }
    }

    /**
     * As {@link #onDatagramAfterHandshake(long, byte[])}, given the content type of the datagram's
     * first record. The answers are bounded: at most one per {@link #MIN_ANSWER_INTERVAL_NANOS}
     * (a retransmitted flight spans several datagrams and needs one answer) and
     * {@link #MAX_FINAL_FLIGHT_ANSWERS} in all. Without the bound, anyone who can put a datagram
     * on the validated path gets a whole flight back for each one, and two peers that both answer
     * (found by fuzzing the engine) bounce flights between them forever.
     */
    void onDatagramAfterHandshake(long nowNanos, byte contentType) {
        if (!answeringFinalFlight) {
            return;
        }
        if (contentType == APPLICATION_DATA) {
            answeringFinalFlight = false;
        } else if (contentType == HANDSHAKE || contentType == CHANGE_CIPHER_SPEC) {
            boolean tooSoon = answersSent > 0 && nowNanos - lastAnswerNanos < MIN_ANSWER_INTERVAL_NANOS;
            if (tooSoon || answersSent >= MAX_FINAL_FLIGHT_ANSWERS) {
                return;
            }
            answersSent++;
            lastAnswerNanos = nowNanos;
            for (byte[] d : lastFlight) {
                outbound.accept(d.clone());
            }
        }
    }

    /** Stops everything: waiters wake, further sends are discarded (the engine has already ended). */
    void abort() {
        aborted = true;
        inbound.close();
    }

    /** Whether BC closed us: after close_notify either way, or after a fatal alert. */
    boolean closedByStack() {
        return closedByStack;
    }

    @Override
    public int getReceiveLimit() {
        // BC allocates a buffer of this size for every receive call. On the loop the next datagram
        // is already queued, so its own length is enough (most are about 1200 bytes, not 18 KiB).
        int next = loopMode ? inbound.nextLength() : -1;
        return next > 0 ? next : DatagramGuard.MAX_DATAGRAM;
    }

    @Override
    public int getSendLimit() {
        return mtu;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        byte[] datagram;
        if (loopMode) {
            datagram = inbound.poll();
            if (datagram == null) {
                throw new NothingQueued();
            }
        } else {
            datagram = awaitDatagram(Math.max(1, waitMillis));
            if (datagram == null) {
                return -1;
            }
        }
        if (datagram.length > len) {
            return -1; // cannot happen: BC sizes buffers from getReceiveLimit(), which the guard enforces
        }
        System.arraycopy(datagram, 0, buf, off, datagram.length);
        return datagram.length;
    }

    /**
     * Waits up to {@code waitMillis} (BC's own flight timer) for a datagram. Meanwhile our faster
     * timer repeats the last flight byte for byte, starting at the configured initial time and
     * doubling only to {@link #MAX_FAST_RESEND_MILLIS}: identical records are harmless (the peer's
     * replay window drops copies it already has) and they fill the gaps that loss left.
     */
    private byte[] awaitDatagram(int waitMillis) throws IOException {
        receivedSinceLastSend = true;
        int left = waitMillis;
        while (true) {
            int slice = lastFlight.isEmpty() ? left : Math.min(left, fastResendMillis);
            byte[] datagram;
            try {
                datagram = inbound.poll(slice);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("DTLS handshake thread interrupted");
            }
            if (datagram != null) {
                lastWaitExpired = false;
                return datagram;
            }
            if (inbound.isClosed()) {
                throw new IOException("DTLS transport closed");
            }
            left -= slice;
            if (left <= 0) {
                lastWaitExpired = true;
                return null; // BC's timer: it resends the flight itself, with fresh record numbers
            }
            for (byte[] d : lastFlight) {
                outbound.accept(d.clone());
            }
            fastResendMillis = Math.min(2 * fastResendMillis, MAX_FAST_RESEND_MILLIS);
        }
    }

    /**
     * Copies a record BC wrote. BC sends change_cipher_spec and the encrypted Finished as two
     * datagrams; losing either costs a whole retransmission round, and BC backs off to seconds,
     * so under heavy loss the pair is packed into one datagram (RFC 6347 allows several records per
     * datagram). Called only by the thread that currently runs BC.
     */
    @Override
    public void send(byte[] buf, int off, int len) {
        if (aborted || bcSilenced) {
            return;
        }
        noteRecordNumbers(buf, off, len);
        if (len > 0 && buf[off] == CHANGE_CIPHER_SPEC) {
            flushHeld();
            heldChangeCipherSpec = copy(buf, off, len, 0, len);
            return;
        }
        byte[] held = heldChangeCipherSpec;
        heldChangeCipherSpec = null;
        if (held != null && held.length + len <= mtu) {
            byte[] both = copy(buf, off, len, held.length, held.length + len);
            System.arraycopy(held, 0, both, 0, held.length);
            emit(both);
            return;
        }
        if (held != null) {
            emit(held);
        }
        emit(copy(buf, off, len, 0, len));
    }

    /** Tracks the highest (epoch, sequence number) among the records BC wrote. */
    private void noteRecordNumbers(byte[] buf, int off, int len) {
        int pos = off;
        int end = off + len;
        while (end - pos >= DatagramGuard.RECORD_HEADER_LENGTH) {
            int epoch = GcmRecordLayer.u16(buf, pos + 3);
            long seq = GcmRecordLayer.u48(buf, pos + 5);
            if (epoch > highestEpochSent) {
                highestEpochSent = epoch;
                highestSeqSent = seq;
            } else if (epoch == highestEpochSent && seq > highestSeqSent) {
                highestSeqSent = seq;
            }
            pos += DatagramGuard.RECORD_HEADER_LENGTH + GcmRecordLayer.u16(buf, pos + 11);
        }
    }

    private void emit(byte[] datagram) {
        if (!loopMode) {
            if (receivedSinceLastSend) {
                lastFlight.clear();
                if (!lastWaitExpired) {
                    fastResendMillis = initialResendMillis; // a new flight; BC's own resends keep our backoff
                }
                receivedSinceLastSend = false;
            }
            lastFlight.add(datagram);
        }
        outbound.accept(datagram);
    }

    private void flushHeld() {
        byte[] held = heldChangeCipherSpec;
        heldChangeCipherSpec = null;
        if (held != null) {
            emit(held);
        }
    }

    private static byte[] copy(byte[] buf, int off, int len, int at, int size) {
        byte[] out = new byte[size];
        System.arraycopy(buf, off, out, at, len);
        return out;
    }

    @Override
    public void close() {
        if (!aborted) {
            flushHeld();
        }
        closedByStack = true;
        inbound.close();
    }
}
