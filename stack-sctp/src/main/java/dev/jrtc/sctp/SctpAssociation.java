package dev.jrtc.sctp;

import dev.jrtc.common.RandomSource;
import dev.jrtc.sctp.assoc.Association;
import dev.jrtc.sctp.assoc.SctpCounters;
import java.util.ArrayDeque;
import java.util.Collection;

/**
 * A WebRTC SCTP association with its data channels, sans-IO (DESIGN.md §1): feed it the SCTP
 * packets DTLS decrypted ({@link #handlePacket}) and the time ({@link #handleTimeout}); after
 * every input, and after every API call, drain {@link #poll()} until it returns a
 * {@link SctpOutput.Deadline}, sending each {@link SctpOutput.Packet} as one DTLS record.
 *
 * <p>Both WebRTC peers normally call {@link #connect} (RFC 8841 §9.3 lets both send INIT; the
 * collision is resolved by RFC 9260 §5.2). Bad input is dropped and counted in {@link #stats()}.
 */
public final class SctpAssociation {
    private final ArrayDeque<SctpEvent> events = new ArrayDeque<>();
    private final Association association;
    private final DataChannelManager channels;

    /**
     * @param role our DTLS role, which picks the stream-id parity of the channels we create
     * @param random randomness for tags, TSNs and the cookie secret (secure in production)
     */
    public SctpAssociation(SctpConfig config, DtlsRole role, RandomSource random) {
        ListenerBridge bridge = new ListenerBridge();
        this.association = new Association(config, random, bridge);
        this.channels = new DataChannelManager(association, role, config.remoteMaxMessageSize(), events);
        bridge.target = channels;
    }

    /** Sends INIT. Without it the association still answers a peer's INIT. */
    public void connect(long nowNanos) {
        association.connect(nowNanos);
    }

    /** One SCTP packet from DTLS; the bytes are borrowed for the call. */
    public void handlePacket(long nowNanos, byte[] buf, int offset, int length) {
        association.handlePacket(nowNanos, buf, offset, length);
    }

    /**
     * Whether more packets are already waiting to be handled after the next one (an edge that read
     * several datagrams at once knows). While they are, the routine SACK waits for the last of them,
     * so a receiver that fell behind sends one SACK for what it read rather than one per two
     * packets. Optional: without it SCTP acknowledges every second packet (RFC 9260 §6.2).
     */
    public void setInputBacklog(boolean more) {
        association.setInputBacklog(more);
    }

    /** Time has passed; timers due fire. */
    public void handleTimeout(long nowNanos) {
        association.handleTimeout(nowNanos);
    }

    /** The next output; a {@link SctpOutput.Deadline} ends the drain. */
    public SctpOutput poll() {
        SctpEvent e = events.poll();
        if (e != null) {
            return e;
        }
        byte[] packet = association.pollPacket();
        if (packet != null) {
            return new SctpOutput.Packet(packet);
        }
        e = events.poll(); // sending can raise bufferedamountlow
        if (e != null) {
            return e;
        }
        return new SctpOutput.Deadline(association.nextDeadline());
    }

    /** Creates a data channel (W3C {@code createDataChannel}). */
    public DataChannel createDataChannel(long nowNanos, DataChannelInit init) {
        return channels.create(nowNanos, init);
    }

    /** The channel on stream {@code id}, or null. */
    public DataChannel channel(int id) {
        return channels.channel(id);
    }

    public Collection<DataChannel> channels() {
        return channels.channels();
    }

    /** Graceful shutdown (RFC 9260 §9.2) after queued data is delivered. */
    public void shutdown(long nowNanos) {
        association.shutdown(nowNanos);
    }

    /** ABORT (RFC 9260 §9.1). */
    public void abort(long nowNanos, String reason) {
        association.abort(nowNanos, reason);
    }

    public AssociationState state() {
        return association.state();
    }

    /** Live counters: drops per reason, retransmissions, and so on. */
    public SctpCounters stats() {
        return association.counters();
    }

    /** A snapshot of the counters, for users (see {@link #stats()} for the live ones). */
    public SctpStats snapshot() {
        return SctpStats.of(association.counters());
    }

    /** Messages the channel layer dropped (unknown stream, bad DCEP). */
    public long droppedMessages() {
        return channels.droppedMessages();
    }

    /** The protocol core, for tests and diagnostics. */
    public Association association() {
        return association;
    }

    /** Forwards callbacks to the channel layer once it exists (it needs the association first). */
    private static final class ListenerBridge implements dev.jrtc.sctp.assoc.AssociationListener {
        DataChannelManager target;

        @Override
        public void onEstablished() {
            target.onEstablished();
        }

        @Override
        public void onMessage(int streamId, long ppid, byte[] data) {
            target.onMessage(streamId, ppid, data);
        }

        @Override
        public void onRestarted() {
            target.onRestarted();
        }

        @Override
        public void onBufferedAmountDecreased(int streamId, long bytes) {
            target.onBufferedAmountDecreased(streamId, bytes);
        }

        @Override
        public void onIncomingStreamsReset(int[] streams) {
            target.onIncomingStreamsReset(streams);
        }

        @Override
        public void onOutgoingStreamsReset(int[] streams, boolean performed) {
            target.onOutgoingStreamsReset(streams, performed);
        }

        @Override
        public void onClosed(CloseReason reason) {
            target.onClosed(reason);
        }
    }
}
