package dev.jrtc.sctp;

import dev.jrtc.common.ParseException;
import dev.jrtc.sctp.assoc.Association;
import dev.jrtc.sctp.assoc.AssociationListener;
import dev.jrtc.sctp.assoc.OutboundMessage;
import dev.jrtc.sctp.dcep.ChannelType;
import dev.jrtc.sctp.dcep.Dcep;
import dev.jrtc.sctp.dcep.DcepMessage;
import dev.jrtc.sctp.dcep.Ppid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-channel layer over one association: DCEP (RFC 8832) for in-band channels, the PPID
 * mapping of RFC 8831 §6.6, stream ids by DTLS role, closing by stream reset, and the events the
 * W3C API needs. It receives the association's callbacks and queues {@link SctpEvent}s.
 */
public final class DataChannelManager implements AssociationListener {
    private final Association association;
    private final DtlsRole role;
    private final long remoteMaxMessageSize;
    private final ArrayDeque<SctpEvent> events;
    private final Map<Integer, DataChannel> channels = new HashMap<>();
    private long droppedMessages;
    private boolean established;

    DataChannelManager(Association association, DtlsRole role, long remoteMaxMessageSize, ArrayDeque<SctpEvent> events) {
        this.association = association;
        this.role = role;
        this.remoteMaxMessageSize = remoteMaxMessageSize;
        this.events = events;
    }

    long remoteMaxMessageSize() {
        return remoteMaxMessageSize;
    }

    /** Messages dropped: unknown stream, bad DCEP, deprecated PPIDs. */
    public long droppedMessages() {
        return droppedMessages;
    }

    public Collection<DataChannel> channels() {
        return Collections.unmodifiableCollection(channels.values());
    }

    public DataChannel channel(int id) {
        return channels.get(id);
    }

    /** Creates a channel (W3C {@code createDataChannel}); it opens once the association is up. */
    public DataChannel create(long nowNanos, DataChannelInit init) {
        int id = init.id() != null ? init.id() : freeId();
        if (channels.containsKey(id)) {
            throw new IllegalArgumentException("stream id " + id + " is in use");
        }
        if (id >= association.outboundStreamLimit()) {
            throw new IllegalArgumentException("stream id " + id + " exceeds the negotiated streams");
        }
        DataChannel ch = new DataChannel(this, id, init.label(), init.protocol(), init.ordered(),
                init.maxRetransmits(), init.maxPacketLifeTimeMillis(), init.negotiated());
        channels.put(id, ch);
        if (established) {
            open(nowNanos, ch);
        }
        return ch;
    }

    private int freeId() {
        for (int id = role == DtlsRole.CLIENT ? 0 : 1; id < association.outboundStreamLimit(); id += 2) {
            if (!channels.containsKey(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free stream id");
    }

    private void open(long nowNanos, DataChannel ch) {
        if (!ch.negotiated()) {
            ChannelType type = ChannelType.of(ch.ordered(), ch.maxRetransmits() != null, ch.maxPacketLifeTime() != null);
            long param = ch.maxRetransmits() != null ? ch.maxRetransmits()
                    : ch.maxPacketLifeTime() != null ? ch.maxPacketLifeTime() : 0;
            byte[] open = Dcep.encode(new DcepMessage.Open(type, 0, param, ch.label(), ch.protocol()));
            association.send(nowNanos, new OutboundMessage(ch.id(), Ppid.DCEP, open, false,
                    OutboundMessage.UNLIMITED, OutboundMessage.NO_EXPIRY));
            ch.awaitingAck = true;
        }
        ch.setReadyState(ReadyState.OPEN);
        events.add(new SctpEvent.ChannelOpen(ch));
    }

    void send(long nowNanos, DataChannel ch, long ppid, byte[] data) {
        boolean unordered = !ch.ordered() && !ch.awaitingAck;
        int maxRtx = ch.maxRetransmits() == null ? OutboundMessage.UNLIMITED : ch.maxRetransmits();
        long expires = ch.maxPacketLifeTime() == null ? OutboundMessage.NO_EXPIRY
                : nowNanos + ch.maxPacketLifeTime() * 1_000_000L;
        association.send(nowNanos, new OutboundMessage(ch.id(), ppid, data, unordered, maxRtx, expires));
    }

    void close(long nowNanos, DataChannel ch) {
        if (association.state().carriesData()) {
            association.resetOutgoingStream(nowNanos, ch.id());
        } else {
            finish(ch);
        }
    }

    private void finish(DataChannel ch) {
        if (ch.readyState() == ReadyState.CLOSED) {
            return;
        }
        ch.setReadyState(ReadyState.CLOSED);
        channels.remove(ch.id(), ch);
        events.add(new SctpEvent.ChannelClosed(ch));
    }

    // ------------------------------------------------------------ association callbacks

    @Override
    public void onEstablished() {
        established = true;
        events.add(new SctpEvent.Connected());
        for (DataChannel ch : new ArrayList<>(channels.values())) {
            if (ch.readyState() == ReadyState.CONNECTING) {
                open(0, ch);
            }
        }
    }

    @Override
    public void onMessage(int streamId, long ppid, byte[] data) {
        if (ppid == Ppid.DCEP) {
            onDcep(streamId, data);
            return;
        }
        DataChannel ch = channels.get(streamId);
        if (ch == null || ch.readyState() == ReadyState.CLOSED) {
            droppedMessages++;
            return;
        }
        if (ppid == Ppid.STRING) {
            events.add(new SctpEvent.Message(ch, MessageKind.STRING, data));
        } else if (ppid == Ppid.BINARY) {
            events.add(new SctpEvent.Message(ch, MessageKind.BINARY, data));
        } else if (ppid == Ppid.STRING_EMPTY) {
            events.add(new SctpEvent.Message(ch, MessageKind.STRING, new byte[0]));
        } else if (ppid == Ppid.BINARY_EMPTY) {
            events.add(new SctpEvent.Message(ch, MessageKind.BINARY, new byte[0]));
        } else {
            droppedMessages++; // deprecated partial PPIDs (52, 54) and unknown ones
        }
    }

    private void onDcep(int streamId, byte[] data) {
        DcepMessage m;
        try {
            m = Dcep.parse(data, 0, data.length);
        } catch (ParseException e) {
            droppedMessages++;
            return;
        }
        if (m instanceof DcepMessage.Ack) {
            DataChannel ch = channels.get(streamId);
            if (ch != null) {
                ch.awaitingAck = false;
            }
            return;
        }
        DcepMessage.Open open = (DcepMessage.Open) m;
        if (channels.containsKey(streamId) || role.owns(streamId)) {
            droppedMessages++; // RFC 8832 §6: the opener uses ids of its own parity; no reuse
            return;
        }
        ChannelType t = open.channelType();
        Integer rtx = t.limitsRetransmits() ? (int) Math.min(Integer.MAX_VALUE, open.reliabilityParameter()) : null;
        Integer life = t.limitsLifetime() ? (int) Math.min(Integer.MAX_VALUE, open.reliabilityParameter()) : null;
        DataChannel ch = new DataChannel(this, streamId, open.label(), open.protocol(), t.ordered(), rtx, life, false);
        channels.put(streamId, ch);
        ch.setReadyState(ReadyState.OPEN);
        association.send(0, new OutboundMessage(streamId, Ppid.DCEP, Dcep.encode(new DcepMessage.Ack()), false,
                OutboundMessage.UNLIMITED, OutboundMessage.NO_EXPIRY));
        events.add(new SctpEvent.IncomingChannel(ch));
    }

    @Override
    public void onBufferedAmountDecreased(int streamId, long bytes) {
        DataChannel ch = channels.get(streamId);
        if (ch != null && ch.decreaseBuffered(bytes)) {
            events.add(new SctpEvent.BufferedAmountLow(ch));
        }
    }

    @Override
    public void onIncomingStreamsReset(int[] streams) {
        for (int s : streams) {
            DataChannel ch = channels.get(s);
            if (ch == null) {
                continue;
            }
            ch.incomingReset = true;
            if (ch.outgoingReset) {
                finish(ch);
            } else if (ch.readyState() != ReadyState.CLOSING) {
                // RFC 8831 §6.7: the peer closed; reset our side of the stream too.
                ch.setReadyState(ReadyState.CLOSING);
                events.add(new SctpEvent.ChannelClosing(ch));
                association.resetOutgoingStream(0, s);
            }
        }
    }

    @Override
    public void onOutgoingStreamsReset(int[] streams, boolean performed) {
        for (int s : streams) {
            DataChannel ch = channels.get(s);
            if (ch == null) {
                continue;
            }
            ch.outgoingReset = true;
            if (ch.incomingReset || !performed) {
                finish(ch);
            }
        }
    }

    @Override
    public void onRestarted() {
        for (DataChannel ch : new ArrayList<>(channels.values())) {
            finish(ch);
        }
        events.add(new SctpEvent.Restarted());
    }

    @Override
    public void onClosed(CloseReason reason) {
        List<DataChannel> all = new ArrayList<>(channels.values());
        for (DataChannel ch : all) {
            finish(ch);
        }
        events.add(new SctpEvent.Closed(reason));
    }
}
