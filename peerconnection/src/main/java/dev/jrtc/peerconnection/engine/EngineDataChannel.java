package dev.jrtc.peerconnection.engine;

import dev.jrtc.sctp.DataChannel;
import dev.jrtc.sctp.DataChannelInit;
import dev.jrtc.sctp.ReadyState;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One data channel as the engine sees it. A channel can be created before the SCTP association
 * exists (before negotiation has fixed the DTLS role, and with it the stream-id parity); it then
 * has no id and no core channel until the association is made. Loop-confined: use it only on the
 * thread that drives the engine.
 */
public final class EngineDataChannel {
    private final DataChannelInit init;
    private final boolean remote;
    private DataChannel core;
    private long threshold;
    private boolean closedEarly;
    private long messagesSent;
    private long bytesSent;
    private long messagesReceived;
    private long bytesReceived;

    EngineDataChannel(DataChannelInit init, boolean remote) {
        this.init = Objects.requireNonNull(init, "init");
        this.remote = remote;
    }

    static EngineDataChannel incoming(DataChannel core) {
        EngineDataChannel ch = new EngineDataChannel(new DataChannelInit(core.label(), core.protocol(), core.ordered(),
                core.maxRetransmits(), core.maxPacketLifeTime(), core.negotiated(), core.id()), true);
        ch.core = core;
        return ch;
    }

    /** The label. */
    public String label() {
        return init.label();
    }

    /** The sub-protocol. */
    public String protocol() {
        return init.protocol();
    }

    /** Whether messages arrive in order. */
    public boolean ordered() {
        return init.ordered();
    }

    /** The retransmission limit, or null. */
    public Integer maxRetransmits() {
        return init.maxRetransmits();
    }

    /** The lifetime limit in ms, or null. */
    public Integer maxPacketLifeTime() {
        return init.maxPacketLifeTimeMillis();
    }

    /** Whether the application agreed the id out of band. */
    public boolean negotiated() {
        return init.negotiated();
    }

    /** Whether the peer opened it. */
    public boolean remote() {
        return remote;
    }

    /** The SCTP stream id, once known (W3C: null until the DTLS role is known). */
    public OptionalInt id() {
        if (core != null) {
            return OptionalInt.of(core.id());
        }
        return init.id() == null ? OptionalInt.empty() : OptionalInt.of(init.id());
    }

    /** The ready state. */
    public ReadyState readyState() {
        if (core != null) {
            return core.readyState();
        }
        return closedEarly ? ReadyState.CLOSED : ReadyState.CONNECTING;
    }

    /** Bytes accepted by send and not yet handed to the network. */
    public long bufferedAmount() {
        return core == null ? 0 : core.bufferedAmount();
    }

    /** The level at or below which buffered-amount-low fires. */
    public long bufferedAmountLowThreshold() {
        return core == null ? threshold : core.bufferedAmountLowThreshold();
    }

    void setBufferedAmountLowThreshold(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("TypeError: negative threshold");
        }
        threshold = t;
        if (core != null) {
            core.setBufferedAmountLowThreshold(t);
        }
    }

    /** Messages accepted by send. */
    public long messagesSent() {
        return messagesSent;
    }

    /** Payload bytes accepted by send. */
    public long bytesSent() {
        return bytesSent;
    }

    /** Messages delivered. */
    public long messagesReceived() {
        return messagesReceived;
    }

    /** Payload bytes delivered. */
    public long bytesReceived() {
        return bytesReceived;
    }

    void countSent(long bytes) {
        messagesSent++;
        bytesSent += bytes;
    }

    void countReceived(long bytes) {
        messagesReceived++;
        bytesReceived += bytes;
    }

    DataChannelInit init() {
        return init;
    }

    DataChannel core() {
        return core;
    }

    void bind(DataChannel c) {
        core = c;
        c.setBufferedAmountLowThreshold(threshold);
    }

    void closeEarly() {
        closedEarly = true;
    }

    @Override
    public String toString() {
        return "EngineDataChannel[" + id() + " '" + label() + "' " + readyState() + "]";
    }
}
