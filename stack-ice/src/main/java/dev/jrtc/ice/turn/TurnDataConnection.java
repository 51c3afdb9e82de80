package dev.jrtc.ice.turn;

import dev.jrtc.common.ParseException;
import dev.jrtc.ice.stun.StunAttribute;
import dev.jrtc.ice.stun.StunAttributeType;
import dev.jrtc.ice.stun.StunClass;
import dev.jrtc.ice.stun.StunMessage;
import dev.jrtc.ice.stun.StunMethod;
import dev.jrtc.ice.stun.StunPacket;
import dev.jrtc.ice.stun.StunProtection;
import dev.jrtc.ice.stun.TransactionId;
import java.util.Arrays;
import java.util.Objects;

/**
 * One RFC 6062 data connection, sans-IO: the edge opens a new TCP (or TLS) connection to the TURN
 * server, this class sends ConnectionBind for a CONNECTION-ID that the control {@link TurnClient}
 * reported, and once the server answers with success the connection carries the peer's TCP bytes
 * unframed in both directions. A 438 is retried with the new nonce; any other outcome fails it.
 * It has no timer of its own: the server closes a data connection that is not bound within 30 s.
 */
public final class TurnDataConnection {
    /** Where the data connection's outputs go. */
    public interface Listener {
        /** Bytes to write on the data connection. */
        void sendToServer(TurnDataConnection connection, byte[] data);

        /** ConnectionBind succeeded: from now on bytes are the peer's. */
        void bound(TurnDataConnection connection);

        /** ConnectionBind failed (or the server broke the protocol); close the connection. */
        void failed(TurnDataConnection connection, int code, String reason);

        /** Bytes from the peer. */
        void peerData(TurnDataConnection connection, byte[] data, int offset, int length);
    }

    /** The data connection's life. */
    public enum State { NEW, BINDING, BOUND, FAILED }

    private static final int HEADER = 20;
    private static final int MAX_BIND_RESPONSE = 2048;
    private static final int MAX_NONCE_RETRIES = 2;
    private final TurnClient control;
    private final long connectionId;
    private final Listener listener;
    private byte[] pending = new byte[0];
    private TransactionId transaction;
    private State state = State.NEW;
    private int nonceRetries;

    /** A data connection for {@code connectionId} of {@code control}'s TCP allocation. */
    public TurnDataConnection(TurnClient control, long connectionId, Listener listener) {
        this.control = Objects.requireNonNull(control, "control");
        this.connectionId = connectionId;
        this.listener = Objects.requireNonNull(listener, "listener");
        if (control.relayProtocol() != RelayProtocol.TCP) {
            throw new IllegalArgumentException("data connections belong to TCP allocations (RFC 6062)");
        }
    }

    /** The CONNECTION-ID this connection binds. */
    public long connectionId() {
        return connectionId;
    }

    /** The state. */
    public State state() {
        return state;
    }

    /** The edge connected the data connection: sends ConnectionBind. */
    public void start() {
        if (state != State.NEW) {
            return;
        }
        byte[] key = control.key();
        if (key == null) {
            fail(0, "the control connection has no credentials yet");
            return;
        }
        state = State.BINDING;
        sendBind(key);
    }

    private void sendBind(byte[] key) {
        StunMessage.Builder b = control.connectionBind(connectionId);
        transaction = b.build().transactionId();
        listener.sendToServer(this, b.encode(StunProtection.longTerm(key).withFingerprint()));
    }

    /** Bytes read from the data connection. */
    public void handleReceive(byte[] buf, int offset, int length) {
        switch (state) {
            case BOUND -> listener.peerData(this, buf, offset, length);
            case BINDING -> awaitBindResponse(buf, offset, length);
            case NEW, FAILED -> {
            }
        }
    }

    private void awaitBindResponse(byte[] buf, int offset, int length) {
        if (pending.length + length > MAX_BIND_RESPONSE + 65536) {
            fail(0, "the server sent too much before answering ConnectionBind");
            return;
        }
        byte[] joined = Arrays.copyOf(pending, pending.length + length);
        System.arraycopy(buf, offset, joined, pending.length, length);
        pending = joined;
        if (pending.length < HEADER) {
            return;
        }
        int total = HEADER + (((pending[2] & 0xFF) << 8) | (pending[3] & 0xFF));
        if ((pending[0] & 0xC0) != 0 || total > MAX_BIND_RESPONSE) {
            fail(0, "the server's answer to ConnectionBind is not a STUN message");
            return;
        }
        if (pending.length < total) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(pending, total, pending.length);
        StunPacket packet;
        try {
            packet = StunPacket.decode(pending, 0, total);
        } catch (ParseException e) {
            fail(0, "malformed answer to ConnectionBind: " + e.getMessage());
            return;
        }
        pending = new byte[0];
        onBindResponse(packet, rest);
    }

    private void onBindResponse(StunPacket packet, byte[] rest) {
        StunMessage m = packet.message();
        if (m.method() != StunMethod.CONNECTION_BIND || !m.transactionId().equals(transaction)
                || !m.stunClass().isResponse()) {
            fail(0, "unexpected message instead of the ConnectionBind response");
            return;
        }
        if (m.stunClass() == StunClass.SUCCESS_RESPONSE) {
            if (!packet.hasIntegrity() || !packet.isAuthentic(control.key())) {
                fail(0, "ConnectionBind success without valid MESSAGE-INTEGRITY");
                return;
            }
            state = State.BOUND;
            listener.bound(this);
            if (rest.length > 0) {
                listener.peerData(this, rest, 0, rest.length);
            }
            return;
        }
        StunAttribute.ErrorCode error = m.errorCode().orElse(new StunAttribute.ErrorCode(500, "error without ERROR-CODE"));
        if (error.code() == 438 && nonceRetries < MAX_NONCE_RETRIES && m.text(StunAttributeType.NONCE).isPresent()) {
            nonceRetries++;
            control.nonceChanged(m.text(StunAttributeType.NONCE).get());
            sendBind(control.key());
            return;
        }
        fail(error.code(), error.reason());
    }

    /**
     * Sends bytes to the peer. Before the connection is bound this is an API misuse.
     *
     * @throws IllegalStateException before {@link Listener#bound}
     */
    public void send(byte[] data, int offset, int length) {
        if (state != State.BOUND) {
            throw new IllegalStateException("the data connection is " + state + ", not bound");
        }
        listener.sendToServer(this, Arrays.copyOfRange(data, offset, offset + length));
    }

    private void fail(int code, String reason) {
        state = State.FAILED;
        pending = new byte[0];
        listener.failed(this, code, reason);
    }
}
