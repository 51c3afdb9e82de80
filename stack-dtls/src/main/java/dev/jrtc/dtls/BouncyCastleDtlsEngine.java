package dev.jrtc.dtls;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.Transmit;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * A {@link DtlsEngine} on Bouncy Castle's blocking DTLS 1.2 (DESIGN.md section 4).
 *
 * <h2>Threads</h2>
 * The handshake runs on a thread of the {@link Executor} the caller injects (a core may not start
 * threads). It reads received datagrams from a bounded queue that {@link #handleReceive} fills
 * without blocking, and everything it sends goes into a thread-safe queue; after adding to that
 * queue it calls the caller's {@code wakeup}, and the loop then drains {@link #poll()} on its
 * own thread. When the handshake ends, the thread publishes the outcome through the same queue
 * and returns to its executor. From then on everything runs on the loop thread and never blocks.
 * With an AES-GCM suite (the usual case) application data and alerts are protected by
 * {@link GcmRecordLayer} on the JDK's AES-GCM, continuing BC's sequence numbers; BC sees only
 * handshake records (a peer retransmitting its final flight). With ChaCha20-Poly1305 BC protects
 * every record, called from the loop (see {@link BridgedDatagramTransport}).
 *
 * <h2>Timers</h2>
 * BC's flight retransmission timer runs inside the handshake thread, as the wait it passes to
 * {@code DatagramTransport.receive}; it starts at {@link DtlsConfig#initialRetransmit()} and
 * doubles up to 60 s. Inside that wait the transport runs a second, faster timer that repeats the
 * last flight byte for byte, doubling only to 1 s, so that heavy loss does not stall the
 * handshake behind BC's long backoff (see {@link BridgedDatagramTransport}). The loop sees one sans-IO timer: the handshake deadline ({@code start} time plus
 * {@link DtlsConfig#handshakeTimeout()}) returned from {@code poll()}. When
 * {@link #handleTimeout} passes it, the engine fails with {@link DtlsFailure.HandshakeTimeout} and
 * wakes the handshake thread so it ends. After the handshake there is no timer.
 */
public final class BouncyCastleDtlsEngine implements DtlsEngine {
    private final DtlsConfig config;
    private final Executor handshakeExecutor;
    private final Runnable wakeup;
    private final PeerFactory peers;
    private final JcaTlsCrypto crypto;
    private final DtlsCounters counters = new DtlsCounters();
    private final DatagramGuard guard;
    private final InboundDatagramQueue inbound;
    private final BridgedDatagramTransport transport;
    /** Written by both threads: datagrams BC sent and the handshake outcome, in order. */
    private final Queue<Object> fromBc = new ConcurrentLinkedQueue<>();
    /** Loop-only: events ready to hand out. */
    private final ArrayDeque<Output> ready = new ArrayDeque<>();

    private DtlsState state = DtlsState.NEW;
    private long handshakeDeadlineNanos;
    private InetSocketAddress local;
    private InetSocketAddress remote;
    private DTLSTransport connection;
    private byte[] receiveBuffer;
    private final RecordLayer recordChoice;
    /** Protects application data and alerts once connected with AES-GCM; null while BC does. */
    private GcmRecordLayer records;
    /** The highest (epoch, sequence number) of the records handed to BC, for the record layer's replay window. */
    private int highestEpochToBc;
    private long highestSeqToBc = -1;

    private BouncyCastleDtlsEngine(DtlsConfig config, SecureRandom random, Executor handshakeExecutor, Runnable wakeup,
            PeerFactory peers, RecordLayer recordChoice) {
        this.peers = peers;
        this.recordChoice = recordChoice;
        this.config = Objects.requireNonNull(config, "config");
        this.handshakeExecutor = Objects.requireNonNull(handshakeExecutor, "handshakeExecutor");
        this.wakeup = Objects.requireNonNull(wakeup, "wakeup");
        this.crypto = new JdkFirstTlsCrypto(Objects.requireNonNull(random, "random"));
        this.guard = new DatagramGuard(config.maxHandshakeMessageLength());
        this.inbound = new InboundDatagramQueue(config.inboundQueueCapacity());
        this.transport = new BridgedDatagramTransport(inbound, this::fromBc, config.mtu(),
                PeerTimers.from(config).initialResendMillis());
    }

    /**
     * Creates an engine; nothing happens until {@link #start}.
     *
     * @param random the source of all DTLS randomness (a {@link SecureRandom} in production)
     * @param handshakeExecutor runs one blocking task per handshake; give it a thread per
     *     concurrent handshake (the task waits on the network for up to the handshake timeout)
     * @param wakeup called from the handshake thread when {@link #poll()} has something new; it
     *     must only schedule a drain on the loop thread, never call the engine itself
     */
    public static BouncyCastleDtlsEngine create(DtlsConfig config, SecureRandom random, Executor handshakeExecutor,
            Runnable wakeup) {
        return new BouncyCastleDtlsEngine(config, random, handshakeExecutor, wakeup, PeerFactory.JRTC,
                RecordLayer.JDK_AES_GCM);
    }

    /** For tests in this package: an engine whose BC peer comes from {@code peers}. */
    static BouncyCastleDtlsEngine create(DtlsConfig config, SecureRandom random, Executor handshakeExecutor,
            Runnable wakeup, PeerFactory peers) {
        return create(config, random, handshakeExecutor, wakeup, peers, RecordLayer.JDK_AES_GCM);
    }

    /** For tests in this package: as above, choosing who protects records after the handshake. */
    static BouncyCastleDtlsEngine create(DtlsConfig config, SecureRandom random, Executor handshakeExecutor,
            Runnable wakeup, PeerFactory peers, RecordLayer recordChoice) {
        return new BouncyCastleDtlsEngine(config, random, handshakeExecutor, wakeup, peers, recordChoice);
    }

    @Override
    public void start(long nowNanos, InetSocketAddress localAddress, InetSocketAddress remoteAddress) {
        if (state != DtlsState.NEW) {
            throw new IllegalStateException("start called in state " + state);
        }
        setPath(localAddress, remoteAddress);
        state = DtlsState.HANDSHAKING;
        handshakeDeadlineNanos = nowNanos + config.handshakeTimeout().toNanos();
        try {
            handshakeExecutor.execute(new HandshakeTask(config, crypto, transport, peers, recordChoice, this::fromBc));
        } catch (RejectedExecutionException e) {
            end(new DtlsFailure.TransportError("handshake executor rejected the task: " + e.getMessage()));
        }
    }

    @Override
    public void setPath(InetSocketAddress localAddress, InetSocketAddress remoteAddress) {
        this.local = Objects.requireNonNull(localAddress, "local");
        this.remote = Objects.requireNonNull(remoteAddress, "remote");
    }

    @Override
    public void handleReceive(long nowNanos, InetSocketAddress from, InetSocketAddress to, byte[] buf, int offset,
            int length) {
        counters.received();
        DtlsDropReason bad = guard.check(buf, offset, length);
        if (bad != null) {
            counters.dropped(bad);
            return;
        }
        if (state != DtlsState.HANDSHAKING && state != DtlsState.CONNECTED) {
            counters.dropped(DtlsDropReason.NOT_RUNNING);
            return;
        }
        if (records != null) {
            receiveOnRecordLayer(nowNanos, buf, offset, length);
            return;
        }
        noteRecordNumbersToBc(buf, offset, length);
        byte[] datagram = Arrays.copyOfRange(buf, offset, offset + length);
        if (!inbound.offer(datagram)) {
            counters.dropped(DtlsDropReason.QUEUE_FULL);
            return;
        }
        if (state == DtlsState.CONNECTED) {
            transport.onDatagramAfterHandshake(nowNanos, datagram);
            drainConnection();
        }
    }

    @Override
    public void handleTimeout(long nowNanos) {
        if (state == DtlsState.HANDSHAKING && nowNanos - handshakeDeadlineNanos >= 0) {
            end(new DtlsFailure.HandshakeTimeout(config.handshakeTimeout()));
        }
    }

    @Override
    public boolean sendApplicationData(long nowNanos, byte[] buf, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        if (state != DtlsState.CONNECTED) {
            return false;
        }
        if (length > maxApplicationDataLength()) {
            throw new IllegalArgumentException("record of " + length + " bytes exceeds " + maxApplicationDataLength());
        }
        if (records != null) {
            return sendRecord(CONTENT_APPLICATION_DATA, buf, offset, length);
        }
        try {
            // BC checks off < buf.length even for an empty record; give it a one-byte array then.
            connection.send(length == 0 ? new byte[1] : buf, length == 0 ? 0 : offset, length);
            return true;
        } catch (IOException e) {
            end(failureOf(e));
            return false;
        }
    }

    @Override
    public int maxApplicationDataLength() {
        if (connection != null) {
            try {
                return connection.getSendLimit();
            } catch (IOException e) {
                return 0;
            }
        }
        // Before the cipher is known: the worst case among our AEAD suites (8-byte explicit nonce + 16-byte tag).
        return config.mtu() - DatagramGuard.RECORD_HEADER_LENGTH - 24;
    }

    @Override
    public void close(long nowNanos) {
        switch (state) {
            case CONNECTED -> {
                if (records != null) {
                    sendCloseNotify();
                } else {
                    try {
                        connection.close(); // sends close_notify through the transport, on this thread
                    } catch (IOException e) {
                        // Closing anyway; the peer will time out instead of seeing close_notify.
                    }
                }
                end(new DtlsCloseReason.LocalClose());
            }
            case NEW, HANDSHAKING -> end(new DtlsCloseReason.LocalClose());
            case CLOSED -> {
            }
        }
    }

    @Override
    public Output poll() {
        while (ready.isEmpty()) {
            Object item = fromBc.poll();
            if (item == null) {
                return state == DtlsState.HANDSHAKING ? new Deadline(handshakeDeadlineNanos) : Deadline.NEVER;
            }
            if (item instanceof byte[] datagram) {
                return new Transmit(local, remote, datagram);
            }
            onOutcome((HandshakeOutcome) item);
        }
        return ready.poll();
    }

    @Override
    public DtlsState state() {
        return state;
    }

    @Override
    public DtlsRole role() {
        return config.role();
    }

    @Override
    public DtlsStats stats() {
        return counters.snapshot();
    }

    /** jrtc's record layer once it has taken over, or null (for tests in this package). */
    GcmRecordLayer recordLayer() {
        return records;
    }

    /** Called by BC's transport and by the handshake task, on either thread. */
    private void fromBc(Object item) {
        if (item instanceof byte[]) {
            counters.sent();
        }
        fromBc.add(item);
        wakeup.run();
    }

    private void onOutcome(HandshakeOutcome outcome) {
        if (state != DtlsState.HANDSHAKING) {
            return; // we already timed out or closed; the late result is discarded
        }
        if (outcome instanceof HandshakeOutcome.Succeeded ok) {
            connection = ok.transport();
            transport.enterLoopMode();
            state = DtlsState.CONNECTED;
            ready.add(ok.peer());
            ready.add(ok.keys());
            ready.add(ok.connected());
            // Records that arrived while the handshake thread was finishing are still queued.
            drainConnection();
            takeOverRecords(ok.recordKeys());
        } else {
            end(((HandshakeOutcome.Failed) outcome).failure());
        }
    }

    /** Decrypts everything queued; loop thread only, never blocks. */
    private void drainConnection() {
        if (receiveBuffer == null) {
            receiveBuffer = new byte[DatagramGuard.MAX_DATAGRAM];
        }
        while (state == DtlsState.CONNECTED) {
            if (inbound.isEmpty()) {
                // Nothing more from the network: deliver what BC still holds without asking the
                // transport, whose "nothing queued" is an exception (too costly once per datagram).
                while (state == DtlsState.CONNECTED && receiveRecord(true) >= 0) {
                    // each call delivered one record
                }
                return;
            }
            int n = receiveRecord(false);
            if (n == ENDED) {
                return;
            }
            if (n < 0) {
                // BC may stop early with records of the last datagram still split off in its own queue.
                while (state == DtlsState.CONNECTED && receiveRecord(true) >= 0) {
                    // each call delivered one record
                }
                if (inbound.isEmpty()) {
                    return;
                }
            }
        }
    }

    private static final int ENDED = -2;
    private static final int CONTENT_ALERT = 21;
    private static final int CONTENT_HANDSHAKE_OR_CCS_MAX = 22;
    private static final int CONTENT_APPLICATION_DATA = 23;
    private static final byte ALERT_FATAL = 2;
    private static final byte CLOSE_NOTIFY = 0;

    /**
     * Once BC has handed over an AES-GCM connection, application data and alerts of its epoch go
     * through {@link GcmRecordLayer}, continuing BC's sequence numbers. BC keeps only what it
     * still needs: handshake and change_cipher_spec records (a retransmitted final flight).
     */
    private void takeOverRecords(GcmRecordKeys keys) {
        int epoch = transport.highestEpochSent();
        if (keys == null || state != DtlsState.CONNECTED || epoch != 1) {
            return; // ChaCha20 (or an unexpected epoch): BC protects everything, as before
        }
        long readBefore = highestEpochToBc == epoch ? highestSeqToBc : -1;
        records = new GcmRecordLayer(keys, config.role(), epoch, transport.highestSeqSent() + 1, readBefore, counters);
        transport.silenceBc();
    }

    /** Splits a datagram into records: ours are decrypted here, the rest go to BC. */
    private void receiveOnRecordLayer(long nowNanos, byte[] buf, int offset, int length) {
        transport.onDatagramAfterHandshake(nowNanos, buf[offset]);
        int end = offset + length;
        byte[] forBc = null;
        for (int pos = offset; pos < end && state == DtlsState.CONNECTED; ) {
            int type = buf[pos] & 0xFF;
            int recordLength = DatagramGuard.RECORD_HEADER_LENGTH + GcmRecordLayer.u16(buf, pos + 11);
            if (type == CONTENT_APPLICATION_DATA || type == CONTENT_ALERT) {
                byte[] plaintext = records.unprotect(buf, pos, recordLength);
                if (plaintext != null && type == CONTENT_APPLICATION_DATA) {
                    if (plaintext.length > 0) { // an empty record carries nothing (BC's path skips it too)
                        ready.add(new DtlsEvent.ApplicationData(plaintext));
                    }
                } else if (plaintext != null) {
                    onAlert(plaintext);
                }
            } else if (type <= CONTENT_HANDSHAKE_OR_CCS_MAX) {
                forBc = append(forBc, buf, pos, recordLength);
            }
            pos += recordLength;
        }
        if (forBc != null && state == DtlsState.CONNECTED) {
            if (!inbound.offer(forBc)) {
                counters.dropped(DtlsDropReason.QUEUE_FULL);
                return;
            }
            drainConnection();
        }
    }

    /** An alert of the connection's epoch (RFC 5246 section 7.2): close_notify is answered in kind. */
    private void onAlert(byte[] alert) {
        if (alert.length != 2) {
            counters.dropped(DtlsDropReason.MALFORMED);
            return;
        }
        if (alert[1] == CLOSE_NOTIFY) {
            sendCloseNotify();
            end(new DtlsCloseReason.PeerClosed());
        } else if (alert[0] == ALERT_FATAL) {
            end(new DtlsFailure.AlertReceived((short) (alert[1] & 0xFF)));
        }
        // Other warnings (e.g. no_renegotiation) change nothing.
    }

    private void sendCloseNotify() {
        byte[] alert = {1, CLOSE_NOTIFY}; // warning, close_notify
        sendRecord(CONTENT_ALERT, alert, 0, alert.length);
    }

    private boolean sendRecord(int type, byte[] buf, int offset, int length) {
        byte[] record = records.protect(type, buf, offset, length);
        if (record == null) {
            end(new DtlsFailure.TransportError("DTLS sequence numbers of epoch " + records.epoch() + " exhausted"));
            return false;
        }
        counters.sent();
        ready.add(new Transmit(local, remote, record));
        return true;
    }

    private static byte[] append(byte[] head, byte[] buf, int offset, int length) {
        int at = head == null ? 0 : head.length;
        byte[] out = head == null ? new byte[length] : Arrays.copyOf(head, at + length);
        System.arraycopy(buf, offset, out, at, length);
        return out;
    }

    /** Tracks the highest (epoch, sequence number) among records about to reach BC. */
    private void noteRecordNumbersToBc(byte[] buf, int offset, int length) {
        int end = offset + length;
        for (int pos = offset; pos < end; pos += DatagramGuard.RECORD_HEADER_LENGTH + GcmRecordLayer.u16(buf, pos + 11)) {
            int epoch = GcmRecordLayer.u16(buf, pos + 3);
            long seq = GcmRecordLayer.u48(buf, pos + 5);
            if (epoch > highestEpochToBc || (epoch == highestEpochToBc && seq > highestSeqToBc)) {
                highestEpochToBc = epoch;
                highestSeqToBc = seq;
            }
        }
    }

    /**
     * Lets BC process one record, from the inbound queue or (if {@code pendingOnly}) from what it
     * already holds. Returns the application-data length delivered, -1 when there was nothing to
     * deliver, or {@link #ENDED} when the association ended.
     */
    private int receiveRecord(boolean pendingOnly) {
        int n;
        try {
            n = pendingOnly
                    ? connection.receivePending(receiveBuffer, 0, receiveBuffer.length)
                    : connection.receive(receiveBuffer, 0, receiveBuffer.length, 1);
        } catch (BridgedDatagramTransport.NothingQueued drained) {
            n = -1;
        } catch (IOException e) {
            end(failureOf(e));
            return ENDED;
        } catch (RuntimeException e) {
            // A BC bug must not escape into the loop as if it were ours: fail only this association.
            end(new DtlsFailure.TransportError("Bouncy Castle failed: " + e));
            return ENDED;
        }
        if (n > 0) {
            ready.add(new DtlsEvent.ApplicationData(Arrays.copyOf(receiveBuffer, n)));
        }
        if (transport.closedByStack()) {
            // BC saw close_notify, answered it with its own, and closed the transport.
            end(new DtlsCloseReason.PeerClosed());
            return ENDED;
        }
        return n;
    }

    private static DtlsFailure failureOf(IOException e) {
        if (e instanceof TlsFatalAlertReceived received) {
            return new DtlsFailure.AlertReceived(received.getAlertDescription());
        }
        if (e instanceof TlsFatalAlert alert) {
            return DtlsFailure.LocalAlert.of(alert);
        }
        return new DtlsFailure.TransportError(e.toString());
    }

    private void end(DtlsCloseReason reason) {
        if (state == DtlsState.CLOSED) {
            return;
        }
        state = DtlsState.CLOSED;
        transport.abort();
        ready.add(new DtlsEvent.Closed(reason));
    }
}
