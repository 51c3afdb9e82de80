package dev.jrtc.peerconnection.api;

import dev.jrtc.peerconnection.engine.EngineDataChannel;
import dev.jrtc.sctp.ReadyState;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A data channel shaped like the W3C {@code RTCDataChannel}. Methods may be called from any
 * thread; they run on the connection's loop (from a callback, directly). {@code send} is
 * synchronous as in the W3C API: it throws {@link IllegalStateException} ({@code
 * InvalidStateError}) unless the channel is open and {@link IllegalArgumentException} ({@code
 * TypeError}) if the message exceeds the peer's max-message-size, and once it returns the bytes
 * count in {@link #bufferedAmount()}. Callbacks run on the loop (or the configured executor) and
 * must not block.
 */
public final class RTCDataChannel {
    private final RTCPeerConnection pc;
    private final EngineDataChannel channel;
    private volatile ReadyState readyState;
    private volatile Integer id;
    private volatile long bufferedAmount;
    private volatile long bufferedAmountLowThreshold;

    private volatile Runnable onopen = () -> { };
    private volatile Consumer<RTCDataChannelMessage> onmessage = m -> { };
    private volatile Runnable onclosing = () -> { };
    private volatile Runnable onclose = () -> { };
    private volatile Runnable onbufferedamountlow = () -> { };

    RTCDataChannel(RTCPeerConnection pc, EngineDataChannel channel) {
        this.pc = pc;
        this.channel = channel;
        refresh();
    }

    EngineDataChannel engineSide() {
        return channel;
    }

    /** On the loop: copies the engine's state. */
    void refresh() {
        readyState = channel.readyState();
        OptionalInt i = channel.id();
        id = i.isPresent() ? i.getAsInt() : null;
        bufferedAmount = channel.bufferedAmount();
        bufferedAmountLowThreshold = channel.bufferedAmountLowThreshold();
    }

    /** The label. */
    public String label() {
        return channel.label();
    }

    /** The sub-protocol. */
    public String protocol() {
        return channel.protocol();
    }

    /** Whether messages arrive in order. */
    public boolean ordered() {
        return channel.ordered();
    }

    /** The retransmission limit, or null. */
    public Integer maxRetransmits() {
        return channel.maxRetransmits();
    }

    /** The lifetime limit (ms), or null. */
    public Integer maxPacketLifeTime() {
        return channel.maxPacketLifeTime();
    }

    /** Whether the id was agreed out of band. */
    public boolean negotiated() {
        return channel.negotiated();
    }

    /** The SCTP stream id; null until the DTLS role is known (unless pre-negotiated). */
    public Integer id() {
        return id;
    }

    /** The ready state. */
    public ReadyState readyState() {
        return readyState;
    }

    /** Bytes accepted by {@code send} and not yet handed to the network. */
    public long bufferedAmount() {
        if (pc.loop().inLoop()) {
            return channel.bufferedAmount();
        }
        return bufferedAmount;
    }

    /** The threshold of {@link #onbufferedamountlow}. */
    public long bufferedAmountLowThreshold() {
        return bufferedAmountLowThreshold;
    }

    /** Sets the threshold of {@link #onbufferedamountlow}. */
    public void setBufferedAmountLowThreshold(long threshold) {
        run(now -> {
            pc.engine().setBufferedAmountLowThreshold(now, channel, threshold);
            refresh();
            return null;
        });
    }

    /** Sends a string (UTF-8). */
    public void send(String text) {
        Objects.requireNonNull(text, "text");
        run(now -> {
            pc.engine().sendData(now, channel, text);
            refresh();
            return null;
        });
    }

    /** Sends binary data; the bytes are copied before this returns. */
    public void send(byte[] data) {
        Objects.requireNonNull(data, "data");
        send(data, 0, data.length);
    }

    /** Sends {@code data[offset, offset + length)} as binary; the bytes are copied before this returns. */
    public void send(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        byte[] copy = pc.loop().inLoop() ? data : java.util.Arrays.copyOfRange(data, offset, offset + length);
        int off = copy == data ? offset : 0;
        run(now -> {
            pc.engine().sendData(now, channel, copy, off, length);
            refresh();
            return null;
        });
    }

    /** Sends the remaining bytes of {@code data} as binary (its position is not moved). */
    public void send(ByteBuffer data) {
        Objects.requireNonNull(data, "data");
        ByteBuffer d = data.duplicate();
        byte[] copy = new byte[d.remaining()];
        d.get(copy);
        send(copy, 0, copy.length);
    }

    /** Starts closing the channel; {@link #onclose} follows once both directions are reset. */
    public void close() {
        run(now -> {
            pc.engine().closeDataChannel(now, channel);
            refresh();
            return null;
        });
    }

    /** Sets the handler of {@code open}. */
    public void onopen(Runnable handler) {
        onopen = handler == null ? () -> { } : handler;
    }

    /** Sets the handler of {@code message}. */
    public void onmessage(Consumer<RTCDataChannelMessage> handler) {
        onmessage = handler == null ? m -> { } : handler;
    }

    /** Sets the handler of {@code closing} (the peer started closing). */
    public void onclosing(Runnable handler) {
        onclosing = handler == null ? () -> { } : handler;
    }

    /** Sets the handler of {@code close}. */
    public void onclose(Runnable handler) {
        onclose = handler == null ? () -> { } : handler;
    }

    /** Sets the handler of {@code bufferedamountlow}. */
    public void onbufferedamountlow(Runnable handler) {
        onbufferedamountlow = handler == null ? () -> { } : handler;
    }

    void fireOpen() {
        onopen.run();
    }

    void fireMessage(RTCDataChannelMessage m) {
        onmessage.accept(m);
    }

    void fireClosing() {
        onclosing.run();
    }

    void fireClose() {
        onclose.run();
    }

    void fireBufferedAmountLow() {
        onbufferedamountlow.run();
    }

    private void run(java.util.function.Function<Long, Void> command) {
        try {
            pc.loop().call(command).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "RTCDataChannel[" + id + " '" + label() + "' " + readyState + "]";
    }
}
