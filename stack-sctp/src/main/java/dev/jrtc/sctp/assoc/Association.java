package dev.jrtc.sctp.assoc;

import dev.jrtc.common.ParseException;
import dev.jrtc.common.RandomSource;
import dev.jrtc.sctp.AssociationState;
import dev.jrtc.sctp.CloseReason;
import dev.jrtc.sctp.SctpConfig;
import dev.jrtc.sctp.packet.Chunk;
import dev.jrtc.sctp.packet.ChunkParser;
import dev.jrtc.sctp.packet.ChunkType;
import dev.jrtc.sctp.packet.Crc32c;
import dev.jrtc.sctp.packet.DataFormat;
import dev.jrtc.sctp.packet.ErrorCause;
import dev.jrtc.sctp.packet.Extensions;
import dev.jrtc.sctp.packet.PacketWriter;
import dev.jrtc.sctp.packet.SctpPacket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One SCTP association over DTLS (RFC 8261), sans-IO: packets and time in, packets, callbacks and
 * a deadline out. It owns the state, the verification tag checks (§8.5), abort (§9.1), the error
 * counter and packet assembly, and dispatches each chunk to the part that does that job: the
 * {@link Handshake} (§5), the {@link ShutdownSequence} (§9.2), the {@link HeartbeatMonitor}
 * (§8.3), the {@link DataSender} and {@link DataReceiver} for user data and the
 * {@link StreamResetHandler} for stream resets.
 *
 * <p>Malformed or unexpected input is dropped and counted in {@link #counters()}; it never throws.
 */
public final class Association {
    private final SctpConfig config;
    private final AssociationListener listener;
    private final SctpCounters counters = new SctpCounters();
    private final PacketWriter writer;
    private final RtoEstimator rto;
    private final Handshake handshake;
    private final ShutdownSequence shutdown;
    private final HeartbeatMonitor heartbeat;

    private AssociationState state = AssociationState.CLOSED;
    private boolean closed; // CLOSED after having been open: nothing more happens
    private int errorCount;

    private final ArrayDeque<Chunk> control = new ArrayDeque<>();
    private final ArrayDeque<byte[]> standalone = new ArrayDeque<>();
    private final List<OutboundMessage> early = new ArrayList<>();
    private DataSender sender;
    private DataReceiver receiver;
    private boolean inputBacklog;
    private StreamResetHandler resets;
    private long now;
    private long packetTag; // the verification tag of the packet being handled

    public Association(SctpConfig config, RandomSource random, AssociationListener listener) {
        this.config = config;
        this.listener = listener;
        this.writer = new PacketWriter(packetSize(config));
        this.rto = new RtoEstimator(config.rtoInitialNanos(), config.rtoMinNanos(), config.rtoMaxNanos());
        Hooks hooks = new Hooks();
        this.handshake = new Handshake(hooks, config, random, counters);
        this.shutdown = new ShutdownSequence(hooks, config, rto, counters);
        this.heartbeat = new HeartbeatMonitor(config, random, rto, counters, control::add);
    }

    /** Chunks are padded to 4 bytes (RFC 9260 §3.2), so a packet's usable size is a multiple of 4. */
    private static int packetSize(SctpConfig config) {
        return config.maxPacketSize() & ~3;
    }

    public AssociationState state() {
        return state;
    }

    public SctpCounters counters() {
        return counters;
    }

    /** The user-data format in use, or null before ESTABLISHED. */
    public DataFormat dataFormat() {
        return sender == null ? null : sender.format();
    }

    /** Whether the peer accepted partial reliability (FORWARD TSN). */
    public boolean partialReliability() {
        return handshake.localExtensions().forwardTsn() && handshake.peerExtensions().forwardTsn();
    }

    /** Streams usable for sending: the smaller of what we and the peer allow. */
    public int outboundStreamLimit() {
        return sender == null ? config.streams() : Math.min(config.streams(), handshake.peerInboundStreams());
    }

    /** Starts the handshake (RFC 9260 §5.1 A): sends INIT and enters COOKIE-WAIT. */
    public void connect(long nowNanos) {
        advance(nowNanos);
        if (state != AssociationState.CLOSED || closed) {
            throw new IllegalStateException("connect() in state " + state);
        }
        handshake.connect(now);
    }

    /** Queues a message. Before ESTABLISHED it waits and goes out once the association is up. */
    public void send(long nowNanos, OutboundMessage m) {
        advance(nowNanos);
        if (closed || state.ordinal() > AssociationState.ESTABLISHED.ordinal()) {
            throw new IllegalStateException("cannot send in state " + state);
        }
        if (sender == null) {
            early.add(m);
        } else {
            sender.enqueue(m);
        }
    }

    /** Asks for an outgoing stream reset (RFC 6525) once the stream's queued data has TSNs. */
    public void resetOutgoingStream(long nowNanos, int streamId) {
        advance(nowNanos);
        if (resets != null && state.carriesData()) {
            resets.request(streamId);
        }
    }

    /** Starts the graceful shutdown (RFC 9260 §9.2) once all queued data is acknowledged. */
    public void shutdown(long nowNanos) {
        advance(nowNanos);
        if (state == AssociationState.ESTABLISHED) {
            shutdown.start(now);
        } else if (state == AssociationState.COOKIE_WAIT || state == AssociationState.COOKIE_ECHOED) {
            close(new CloseReason(CloseReason.Kind.SHUTDOWN, "shut down before established"));
        }
    }

    /** Sends ABORT with a user-initiated cause (RFC 9260 §9.1) and closes. */
    public void abort(long nowNanos, String reason) {
        advance(nowNanos);
        if (closed) {
            return;
        }
        if (handshake.peerTag() != 0) {
            sendStandalone(handshake.peerTag(), new Chunk.Abort(false,
                    List.of(ErrorCause.withReason(ErrorCause.USER_INITIATED_ABORT, reason))));
        }
        close(new CloseReason(CloseReason.Kind.ABORTED_LOCALLY, reason));
    }

    /** Bytes accepted by {@link #send} and not yet sent. */
    public long queuedBytes() {
        long early = 0;
        for (OutboundMessage m : this.early) {
            early += m.data.length;
        }
        return sender == null ? early : sender.queuedBytes();
    }

    // ---------------------------------------------------------------- input

    /** A packet arrived from DTLS. The bytes are borrowed for the duration of the call. */
    public void handlePacket(long nowNanos, byte[] buf, int offset, int length) {
        advance(nowNanos);
        counters.packetsReceived++;
        if (closed) {
            counters.unexpectedChunks++;
            return;
        }
        if (!Crc32c.matches(buf, offset, length)) {
            counters.badChecksums++; // RFC 8261 §5 makes this optional over DTLS; we check and count
            return;
        }
        SctpPacket packet;
        try {
            packet = ChunkParser.parse(buf, offset, length);
        } catch (ParseException e) {
            counters.malformedPackets++;
            return;
        }
        if (packet.destinationPort() != config.localPort() || packet.sourcePort() != config.remotePort()) {
            counters.malformedPackets++;
            return;
        }
        if (!tagAcceptable(packet)) {
            counters.wrongVerificationTag++;
            return;
        }
        if (sender != null) {
            sender.newSendOpportunity();
        }
        packetTag = packet.verificationTag();
        long cumBefore = receiver == null ? 0 : receiver.cumulativeTsn();
        for (Chunk c : packet.chunks()) {
            if (closed) {
                break;
            }
            if (!dispatch(c)) {
                break;
            }
        }
        if (receiver != null && !closed) {
            receiver.onPacketEnd(now);
            long cum = receiver.cumulativeTsn();
            if (cum != cumBefore && resets != null) {
                resets.onCumulativeTsn(cum);
            }
        }
        checkShutdownProgress();
    }

    /** §8.5: the verification tag rules, with the INIT and T-bit exceptions (§8.5.1). */
    private boolean tagAcceptable(SctpPacket p) {
        long localTag = handshake.localTag();
        long peerTag = handshake.peerTag();
        Chunk first = p.chunks().get(0);
        if (first instanceof Chunk.Init) {
            return p.verificationTag() == 0 && p.chunks().size() == 1;
        }
        if (first instanceof Chunk.Abort a) {
            return p.verificationTag() == (a.tagReflected() ? peerTag : localTag) && (peerTag != 0 || !a.tagReflected());
        }
        if (first instanceof Chunk.ShutdownComplete sc) {
            return p.verificationTag() == (sc.tagReflected() ? peerTag : localTag);
        }
        if (first instanceof Chunk.CookieEcho) {
            // The cookie names the tag it was made for, which after a peer restart (§5.2.4 A) is not
            // ours yet; the handshake checks the two match (§5.1.5 step 3).
            return true;
        }
        return p.verificationTag() == localTag;
    }

    /** Handles one chunk; false stops processing the rest of the packet. */
    private boolean dispatch(Chunk c) {
        if (c instanceof Chunk.Data d) {
            if (receiver != null && state.carriesData() && d.format() == receiver.format()) {
                if (d.length() == 0) {
                    abortNoUserData(d.tsn());
                    return false;
                }
                receiver.onData(d);
                if (state == AssociationState.SHUTDOWN_SENT) {
                    shutdown.onDataInShutdownSent();
                }
            } else {
                counters.unexpectedChunks++;
            }
        } else if (c instanceof Chunk.Sack s) {
            if (sender != null && state.carriesData()) {
                if (sender.onSack(s, now)) {
                    errorCount = 0;
                    heartbeat.restart(now);
                } else {
                    counters.protocolViolations++;
                }
            } else {
                counters.unexpectedChunks++;
            }
        } else if (c instanceof Chunk.Init i) {
            handshake.onInit(i.params(), now);
        } else if (c instanceof Chunk.InitAck i) {
            handshake.onInitAck(i.params(), now);
        } else if (c instanceof Chunk.CookieEcho ce) {
            handshake.onCookieEcho(ce.cookie(), packetTag, now);
            // The rest of the packet belongs to the association only if the cookie made its tag ours.
            return packetTag == handshake.localTag();
        } else if (c instanceof Chunk.CookieAck) {
            handshake.onCookieAck();
        } else if (c instanceof Chunk.Heartbeat h) {
            if (handshake.peerTag() != 0) {
                control.add(new Chunk.HeartbeatAck(h.info())); // §8.3: echo it unchanged
            }
        } else if (c instanceof Chunk.HeartbeatAck h) {
            if (heartbeat.onAck(h.info(), now)) {
                errorCount = 0;
            }
        } else if (c instanceof Chunk.Abort a) {
            String why = a.causes().isEmpty() ? "no cause" : a.causes().get(0).describe();
            close(new CloseReason(CloseReason.Kind.ABORTED_BY_PEER, why));
            return false;
        } else if (c instanceof Chunk.Shutdown s) {
            shutdown.onShutdown(s.cumulativeTsnAck(), now);
        } else if (c instanceof Chunk.ShutdownAck) {
            return !shutdown.onShutdownAck();
        } else if (c instanceof Chunk.ShutdownComplete) {
            return !shutdown.onShutdownComplete();
        } else if (c instanceof Chunk.ForwardTsn f) {
            if (receiver != null && state.carriesData() && f.format() == receiver.format() && partialReliability()) {
                if (!receiver.onForwardTsn(f)) {
                    counters.protocolViolations++;
                }
            } else {
                counters.unexpectedChunks++;
            }
        } else if (c instanceof Chunk.ReConfig rc) {
            if (resets != null && state.carriesData()) {
                resets.onReConfig(rc, receiver.cumulativeTsn());
            } else {
                counters.unexpectedChunks++;
            }
        } else if (c instanceof Chunk.Error e) {
            if (e.causes().stream().anyMatch(x -> x.code() == ErrorCause.STALE_COOKIE)) {
                handshake.onStaleCookieError(now);
            } else {
                counters.unexpectedChunks++; // the peer reports a problem; nothing here acts on it
            }
        } else if (c instanceof Chunk.Unknown u) {
            counters.unexpectedChunks++;
            return ChunkType.skipIfUnknown(u.type()); // §3.2: the type's high bits decide
        }
        return true;
    }

    // ---------------------------------------------------------------- hosting the handshake and shutdown

    /** What {@link Handshake} and {@link ShutdownSequence} may do to this association. */
    private final class Hooks implements Handshake.Host, ShutdownSequence.Host {
        @Override
        public AssociationState state() {
            return state;
        }

        @Override
        public void enter(AssociationState s) {
            state = s;
        }

        @Override
        public void sendStandalone(long tag, Chunk chunk) {
            Association.this.sendStandalone(tag, chunk);
        }

        @Override
        public void queue(Chunk chunk) {
            control.add(chunk);
        }

        @Override
        public void queueFirst(Chunk chunk) {
            control.addFirst(chunk);
        }

        @Override
        public void dropQueuedCookieEcho() {
            control.removeIf(x -> x instanceof Chunk.CookieEcho);
        }

        @Override
        public long peerTag() {
            return handshake.peerTag();
        }

        @Override
        public DataSender sender() {
            return sender;
        }

        @Override
        public DataReceiver receiver() {
            return receiver;
        }

        @Override
        public void establish() {
            Association.this.establish();
        }

        @Override
        public void close(CloseReason reason) {
            Association.this.close(reason);
        }

        @Override
        public void restart() {
            Association.this.restart();
        }

        @Override
        public void timedOut(String what) {
            Association.this.timedOut(what);
        }
    }

    /**
     * RFC 9260 §6.2 (and RFC 8260 §2.1 for I-DATA): a DATA chunk with no user data MUST be answered
     * with an ABORT whose "No User Data" cause (§3.3.10.9) carries the chunk's TSN. usrsctp does
     * the same. The packet passed the verification-tag check, so only the real peer can cause it.
     */
    private void abortNoUserData(long tsn) {
        counters.protocolViolations++;
        byte[] info = {(byte) (tsn >>> 24), (byte) (tsn >>> 16), (byte) (tsn >>> 8), (byte) tsn};
        sendStandalone(handshake.peerTag(), new Chunk.Abort(false, List.of(new ErrorCause(ErrorCause.NO_USER_DATA, info))));
        close(new CloseReason(CloseReason.Kind.ABORTED_LOCALLY, "the peer sent a DATA chunk without user data, TSN " + tsn));
    }

    private void sendStandalone(long tag, Chunk chunk) {
        writer.start(config.localPort(), config.remotePort(), tag);
        writer.add(chunk);
        standalone.add(writer.finish());
    }

    private void establish() {
        if (sender != null) {
            return;
        }
        Extensions both = handshake.localExtensions().intersect(handshake.peerExtensions());
        long localInitialTsn = handshake.localInitialTsn();
        long peerInitialTsn = handshake.peerInitialTsn();
        DataFormat format = both.iData() ? DataFormat.I_DATA : DataFormat.DATA;
        int maxPayload = packetSize(config) - ChunkParser.COMMON_HEADER_LENGTH - format.headerLength();
        sender = new DataSender(format, both.forwardTsn(), localInitialTsn, handshake.peerRwnd(), maxPayload,
                config.maxBurst(), rto, listener::onBufferedAmountDecreased, counters);
        receiver = new DataReceiver(peerInitialTsn, format, config.receiveWindow(),
                Math.min(config.streams(), handshake.peerOutboundStreams()), config.delayedAckNanos(), this::deliver,
                counters);
        receiver.setBacklog(inputBacklog);
        resets = new StreamResetHandler(localInitialTsn, peerInitialTsn, new StreamResetHandler.Actions() {
            @Override
            public void resetIncoming(int[] streams) {
                for (int s : streams) {
                    receiver.resetStream(s);
                }
                listener.onIncomingStreamsReset(streams);
            }

            @Override
            public void outgoingResetDone(int[] streams, boolean performed) {
                for (int s : streams) {
                    sender.resetStream(s);
                }
                listener.onOutgoingStreamsReset(streams, performed);
            }
        });
        state = AssociationState.ESTABLISHED;
        heartbeat.restart(now);
        for (OutboundMessage m : early) {
            sender.enqueue(m);
        }
        early.clear();
        listener.onEstablished();
    }

    /**
     * The peer restarted (RFC 9260 §5.2.4 case A): as if an ABORT had come, but the association
     * stays up with the new tags and TSNs. Everything queued, in flight or half reassembled belonged
     * to streams the peer no longer has, so it is dropped; congestion control starts afresh.
     */
    private void restart() {
        sender = null;
        receiver = null;
        resets = null;
        errorCount = 0;
        shutdown.stop();
        control.removeIf(c -> !(c instanceof Chunk.CookieAck));
        listener.onRestarted();
        establish();
    }

    private void deliver(int streamId, long ppid, byte[] data) {
        counters.messagesDelivered++;
        listener.onMessage(streamId, ppid, data);
    }

    // ---------------------------------------------------------------- close

    private void checkShutdownProgress() {
        if (!closed) {
            shutdown.checkProgress(now);
        }
    }

    private void close(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        state = AssociationState.CLOSED;
        handshake.stop();
        shutdown.stop();
        heartbeat.stop();
        control.clear();
        listener.onClosed(reason);
    }

    /**
     * Tells the receiver whether more packets are already waiting to be handled after the next
     * one, so that its routine SACK may cover them all (see {@link DataReceiver}). Callers that
     * cannot tell never call it.
     */
    public void setInputBacklog(boolean more) {
        inputBacklog = more;
        if (receiver != null) {
            receiver.setBacklog(more);
        }
    }

    // ---------------------------------------------------------------- time

    /** Time has passed; fires the timers that are due. Time going backwards is ignored. */
    public void handleTimeout(long nowNanos) {
        advance(nowNanos);
        if (closed) {
            return;
        }
        if (sender != null) {
            sender.newSendOpportunity();
        }
        handshake.onTimeout(now);
        if (closed) {
            return;
        }
        shutdown.onTimeout(now);
        if (closed) {
            return;
        }
        if (sender != null && sender.onTimeout(now)) {
            if (++errorCount > config.maxRetransmissions()) {
                timedOut("T3-rtx");
                return;
            }
        }
        if (receiver != null) {
            receiver.onTimeout(now);
            resets.onTimeout(now);
        }
        if (heartbeat.due(now) && state.carriesData()) {
            if (heartbeat.outstanding() && ++errorCount > config.maxRetransmissions()) {
                timedOut("heartbeat");
                return;
            }
            heartbeat.send(now);
        }
    }

    private void timedOut(String what) {
        long peerTag = handshake.peerTag();
        if (peerTag != 0) {
            sendStandalone(peerTag, new Chunk.Abort(false,
                    List.of(ErrorCause.withReason(ErrorCause.PROTOCOL_VIOLATION, what + " retransmissions exhausted"))));
        }
        close(new CloseReason(CloseReason.Kind.TIMED_OUT, what));
    }

    /** The earliest timer, or {@link Long#MAX_VALUE} when none runs. */
    public long nextDeadline() {
        if (closed) {
            return Long.MAX_VALUE;
        }
        long d = Math.min(handshake.deadline(), Math.min(shutdown.deadline(), heartbeat.deadline()));
        if (sender != null) {
            d = Math.min(d, sender.deadline());
            d = Math.min(d, receiver.deadline());
            d = Math.min(d, resets.deadline());
        }
        return d;
    }

    private void advance(long nowNanos) {
        if (nowNanos > now) {
            now = nowNanos;
        }
    }

    // ---------------------------------------------------------------- output

    /** The next packet to hand to DTLS, or null when there is nothing to send now. */
    public byte[] pollPacket() {
        if (!standalone.isEmpty()) {
            counters.packetsSent++;
            return standalone.poll();
        }
        if (closed || handshake.peerTag() == 0) {
            return null;
        }
        writer.start(config.localPort(), config.remotePort(), handshake.peerTag());
        while (!control.isEmpty() && writer.fits(control.peek())) {
            writer.add(control.poll());
        }
        if (sender != null && state.carriesData()) {
            Chunk.ReConfig rc = resets.wantsToSend(sender::streamDrained)
                    ? resets.poll(now, sender.lastAssignedTsn(), rto.rto(), sender::streamDrained) : null;
            if (rc != null && writer.fits(rc)) {
                writer.add(rc);
            }
            sender.onPoll();
            boolean data = sender.wantsToSend();
            if (receiver.sackDue() || (receiver.sackPending() && data)) {
                writer.add(receiver.buildSack(writer.remaining()));
            }
            if (data) {
                sender.fill(writer, now);
            }
        } else if (receiver != null && receiver.sackDue()) {
            writer.add(receiver.buildSack(writer.remaining()));
        }
        if (writer.isEmpty()) {
            return null;
        }
        counters.packetsSent++;
        return writer.finish();
    }

    // ---------------------------------------------------------------- introspection for tests

    /** Bytes the receiver holds for reassembly and reordering. */
    public long receiveBytesHeld() {
        return receiver == null ? 0 : receiver.bytesHeld();
    }

    /** Bytes of the receiver's TSN bitset. */
    public int trackerBytes() {
        return receiver == null ? 0 : receiver.trackerBytes();
    }

    /** Streams with receive or send state. */
    public int streamsWithState() {
        return receiver == null ? 0 : receiver.activeStreams() + sender.activeStreams();
    }

    public long cwnd() {
        return sender == null ? 0 : sender.cwnd();
    }

    /** Chunks sent and not yet passed by the peer's cumulative ack (abandoned ones included). */
    public int outstandingChunks() {
        return sender == null ? 0 : sender.outstandingChunks();
    }

    public long flightBytes() {
        return sender == null ? 0 : sender.flightBytes();
    }

    public long peerReceiveWindow() {
        return sender == null ? handshake.peerRwnd() : sender.peerRwnd();
    }

    public long rtoNanos() {
        return rto.rto();
    }

    public long localVerificationTag() {
        return handshake.localTag();
    }

    public long peerVerificationTag() {
        return handshake.peerTag();
    }
}
