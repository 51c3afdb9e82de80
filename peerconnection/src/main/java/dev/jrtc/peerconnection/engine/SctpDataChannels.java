package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.Output;
import dev.jrtc.common.RandomSource;
import dev.jrtc.sctp.DataChannel;
import dev.jrtc.sctp.DataChannelInit;
import dev.jrtc.sctp.DtlsRole;
import dev.jrtc.sctp.MessageKind;
import dev.jrtc.sctp.ReadyState;
import dev.jrtc.sctp.SctpAssociation;
import dev.jrtc.sctp.SctpConfig;
import dev.jrtc.sctp.SctpEvent;
import dev.jrtc.sctp.SctpOutput;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Data channels over SCTP over DTLS (RFC 8831, RFC 8261): the SCTP-backed
 * {@link DataChannelTransport}. The association is made once negotiation has fixed our DTLS role
 * (the stream-id parity) and the peer's SCTP port and max-message-size ({@link #configure}).
 * Channels created before that wait and are bound then. DTLS application data goes into the
 * association; its packets go out as DTLS records; its timer is merged into the engine's deadline
 * through {@link #pump}. The DTLS client sends INIT once DTLS is up; the server answers it.
 */
final class SctpDataChannels implements DataChannelTransport {
    /** What we accept; also announced as our {@code a=max-message-size}. */
    static final long LOCAL_MAX_MESSAGE_SIZE = 262_144;

    /**
     * The largest SCTP packet: one DTLS record must hold it, and the datagram must stay within the
     * DTLS engine's 1200 bytes. Our DTLS 1.2 suites are all AES-GCM, whose record costs 37 bytes
     * (13 of header, 8 of explicit nonce, 16 of tag), so 1163 bytes of SCTP make datagrams of
     * exactly 1200 bytes.
     */
    static final int MAX_SCTP_PACKET = dev.jrtc.dtls.DtlsConfig.DEFAULT_MTU - 37;

    private final RandomSource random;
    private final List<EngineDataChannel> pending = new ArrayList<>();
    private final Map<DataChannel, EngineDataChannel> handles = new IdentityHashMap<>();
    private SctpAssociation association;
    private DtlsRole role;
    private DtlsSender sender;
    private boolean wanted;
    private boolean dirty;
    private boolean backlog;
    private boolean closed;
    private long droppedRecords;
    private long unsentPackets;
    private long nowSeen;

    SctpDataChannels(RandomSource random) {
        this.random = random;
    }

    /** The channels not yet closed: created and waiting for the association, or bound to a stream. */
    List<EngineDataChannel> channels() {
        List<EngineDataChannel> all = new ArrayList<>(pending);
        for (EngineDataChannel ch : handles.values()) {
            if (!all.contains(ch)) {
                all.add(ch);
            }
        }
        return all;
    }

    /** Whether the application created a channel, so an offer must carry a data section. */
    boolean wanted() {
        return wanted;
    }

    /** Whether the association exists (a data section was negotiated). */
    boolean configured() {
        return association != null;
    }

    /** Records that arrived with no association, and packets SCTP made before DTLS could carry them. */
    long droppedRecords() {
        return droppedRecords + unsentPackets;
    }

    /** The association, once negotiated. */
    SctpAssociation association() {
        return association;
    }

    EngineDataChannel create(long now, DataChannelInit init) {
        if (closed) {
            throw new IllegalStateException("InvalidStateError: the peer connection is closed");
        }
        if (init.label().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 65535
                || init.protocol().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 65535) {
            throw new IllegalArgumentException("TypeError: label or protocol longer than 65535 bytes");
        }
        EngineDataChannel ch = new EngineDataChannel(init, false);
        wanted = true;
        if (association == null) {
            for (EngineDataChannel p : pending) {
                if (init.id() != null && p.init().id() != null && p.init().id().intValue() == init.id()) {
                    throw new IllegalArgumentException("OperationError: stream id " + init.id() + " is in use");
                }
            }
            pending.add(ch);
        } else {
            bind(now, ch);
        }
        dirty = true;
        return ch;
    }

    /** Negotiation is complete: make the association and bind the waiting channels. Once only. */
    void configure(long now, dev.jrtc.dtls.DtlsRole dtlsRole, int localPort, int remotePort, long remoteMaxMessageSize) {
        if (association != null || closed) {
            return;
        }
        role = dtlsRole == dev.jrtc.dtls.DtlsRole.CLIENT ? DtlsRole.CLIENT : DtlsRole.SERVER;
        SctpConfig config = SctpConfig.defaults().withPorts(localPort, remotePort)
                .withMaxMessageSize(LOCAL_MAX_MESSAGE_SIZE, remoteMaxMessageSize).withMaxPacketSize(MAX_SCTP_PACKET);
        association = new SctpAssociation(config, role, random);
        // Pre-negotiated ids first, so an automatic id never takes one the application chose.
        List<EngineDataChannel> order = new ArrayList<>(pending);
        order.sort((x, y) -> Boolean.compare(x.init().id() == null, y.init().id() == null));
        pending.clear();
        for (EngineDataChannel ch : order) {
            if (ch.readyState() == ReadyState.CLOSED) {
                continue;
            }
            bind(now, ch);
        }
        if (sender != null && role == DtlsRole.CLIENT) {
            association.connect(now);
        }
        dirty = true;
    }

    private void bind(long now, EngineDataChannel ch) {
        DataChannel core;
        try {
            core = association.createDataChannel(now, ch.init());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("OperationError: " + e.getMessage(), e);
        }
        ch.bind(core);
        handles.put(core, ch);
    }

    @Override
    public void onDtlsConnected(long nowNanos, DtlsSender s) {
        sender = s;
        // Only a fresh association sends INIT: not one the transport already ended, nor one the
        // peer's own INIT has already started (RFC 8841 lets either side send it).
        if (association != null && role == DtlsRole.CLIENT && !closed
                && association.state() == dev.jrtc.sctp.AssociationState.CLOSED) {
            association.connect(nowNanos);
            dirty = true;
        }
    }

    @Override
    public void handleApplicationData(long nowNanos, byte[] record) {
        if (association == null || closed) {
            droppedRecords++;
            return;
        }
        association.handlePacket(nowNanos, record, 0, record.length);
        dirty = true;
    }

    /**
     * Passed on to SCTP, which may then SACK a backlog of packets at once. The end of a backlog
     * marks SCTP for polling even if the last datagram was not for it (a STUN check): the SACK
     * that waited for the backlog is due now.
     */
    void setInputBacklog(boolean more) {
        if (association != null) {
            association.setInputBacklog(more);
            if (!more && backlog) {
                dirty = true;
            }
        }
        backlog = more;
    }

    void handleTimeout(long now) {
        if (association != null && !closed) {
            association.handleTimeout(now);
            dirty = true;
        }
    }

    /** Whether the association may have output that {@link #pump} has not taken yet. */
    boolean dirty() {
        return dirty;
    }

    void send(long now, EngineDataChannel ch, byte[] data, int off, int len, boolean binary) {
        DataChannel core = requireOpen(ch);
        if (binary) {
            core.send(now, data, off, len);
        } else {
            core.send(now, new String(data, off, len, java.nio.charset.StandardCharsets.UTF_8));
        }
        ch.countSent(len);
        dirty = true;
    }

    void send(long now, EngineDataChannel ch, String text) {
        requireOpen(ch).send(now, text);
        ch.countSent(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        dirty = true;
    }

    private static DataChannel requireOpen(EngineDataChannel ch) {
        DataChannel core = ch.core();
        if (core == null || core.readyState() != ReadyState.OPEN) {
            throw new IllegalStateException("InvalidStateError: data channel is " + ch.readyState().name().toLowerCase(java.util.Locale.ROOT));
        }
        return core;
    }

    void close(long now, EngineDataChannel ch, Consumer<Output> out) {
        if (ch.core() == null) {
            if (ch.readyState() != ReadyState.CLOSED) {
                ch.closeEarly();
                pending.remove(ch);
                out.accept(new EngineEvent.DataChannelClosed(ch));
            }
            return;
        }
        ch.core().close(now);
        dirty = true;
    }

    /**
     * Drains the association: packets go to DTLS, events become {@link EngineEvent}s. Returns the
     * association's deadline ({@link Long#MAX_VALUE} without one).
     */
    long pump(long now, Consumer<Output> out) {
        nowSeen = now;
        dirty = false;
        if (association == null) {
            return Long.MAX_VALUE;
        }
        SctpOutput o;
        while (!((o = association.poll()) instanceof SctpOutput.Deadline)) {
            if (o instanceof SctpOutput.Packet p) {
                if (closed || !transmit(now, p.data())) {
                    unsentPackets++;
                }
            } else if (o instanceof SctpEvent e) {
                onEvent(e, out);
            }
        }
        return closed ? Long.MAX_VALUE : ((SctpOutput.Deadline) o).atNanos();
    }

    private boolean transmit(long now, byte[] packet) {
        if (sender == null) {
            return false;
        }
        try {
            return sender.send(now, packet, 0, packet.length);
        } catch (IllegalArgumentException e) {
            return false; // larger than a DTLS record may be: lost, and SCTP retransmits in vain
        }
    }

    private void onEvent(SctpEvent e, Consumer<Output> out) {
        if (e instanceof SctpEvent.ChannelOpen o) {
            EngineDataChannel ch = handles.get(o.channel());
            if (ch != null) {
                out.accept(new EngineEvent.DataChannelOpen(ch));
            }
        } else if (e instanceof SctpEvent.IncomingChannel i) {
            EngineDataChannel ch = EngineDataChannel.incoming(i.channel());
            handles.put(i.channel(), ch);
            out.accept(new EngineEvent.DataChannelIncoming(ch));
        } else if (e instanceof SctpEvent.Message m) {
            EngineDataChannel ch = handles.get(m.channel());
            if (ch != null) {
                ch.countReceived(m.data().length);
                out.accept(new EngineEvent.DataChannelMessage(ch, m.kind() == MessageKind.BINARY, m.data()));
            }
        } else if (e instanceof SctpEvent.BufferedAmountLow b) {
            EngineDataChannel ch = handles.get(b.channel());
            if (ch != null) {
                out.accept(new EngineEvent.DataChannelBufferedAmountLow(ch));
            }
        } else if (e instanceof SctpEvent.ChannelClosing c) {
            EngineDataChannel ch = handles.get(c.channel());
            if (ch != null) {
                out.accept(new EngineEvent.DataChannelClosing(ch));
            }
        } else if (e instanceof SctpEvent.ChannelClosed c) {
            EngineDataChannel ch = handles.remove(c.channel());
            if (ch != null) {
                out.accept(new EngineEvent.DataChannelClosed(ch));
            }
        }
        // Connected and Closed of the association itself: the channels report what matters.
    }

    /**
     * The secure transport ended (closed or failed): every channel is closed. With DTLS gone SCTP
     * cannot say goodbye, so the association is aborted locally and its output discarded.
     */
    void transportEnded(long now, Consumer<Output> out) {
        if (closed) {
            return;
        }
        for (EngineDataChannel ch : new ArrayList<>(pending)) {
            ch.closeEarly();
            out.accept(new EngineEvent.DataChannelClosed(ch));
        }
        pending.clear();
        if (association != null) {
            association.abort(Math.max(now, nowSeen), "peer connection closed");
            SctpOutput o;
            while (!((o = association.poll()) instanceof SctpOutput.Deadline)) {
                if (o instanceof SctpOutput.Packet p) {
                    // The ABORT reaches the peer if DTLS is still up (a local close); otherwise it is lost.
                    if (!transmit(now, p.data())) {
                        unsentPackets++;
                    }
                } else if (o instanceof SctpEvent e) {
                    onEvent(e, out);
                }
            }
        }
        closed = true;
    }

    @Override
    public void close(long nowNanos) {
        // The engine calls transportEnded when the connection state reaches closed or failed.
    }
}
