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
import dev.jrtc.sctp.packet.InitParams;
import dev.jrtc.sctp.packet.PacketWriter;
import dev.jrtc.sctp.packet.SctpPacket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One SCTP association over DTLS (RFC 8261), sans-IO: packets and time in, packets, callbacks and
 * a deadline out. It owns the handshake (RFC 9260 §5), the verification tag checks (§8.5),
 * heartbeats (§8.3), shutdown and abort (§9), and dispatches user data to a {@link DataSender} and
 * a {@link DataReceiver} and stream resets to a {@link StreamResetHandler}.
 *
 * <p>Malformed or unexpected input is dropped and counted in {@link #counters()}; it never throws.
 */
public final class Association {
    private static final int HEARTBEAT_INFO_LENGTH = 16;

    private final SctpConfig config;
    private final RandomSource random;
    private final AssociationListener listener;
    private final SctpCounters counters = new SctpCounters();
    private final PacketWriter writer;
    private final RtoEstimator rto;
    private final byte[] cookieSecret = new byte[32];
    private final long localTag;
    private final long localInitialTsn;
    private final Extensions localExtensions;

    private AssociationState state = AssociationState.CLOSED;
    private boolean closed; // CLOSED after having been open: nothing more happens
    private long peerTag;
    private long peerInitialTsn;
    private long peerRwnd;
    private int peerOutboundStreams;
    private int peerInboundStreams;
    private Extensions peerExtensions = Extensions.NONE;

    private final Timer t1 = new Timer();
    private final Timer t2 = new Timer();
    private final Timer heartbeat = new Timer();
    private int t1Count;
    private int t2Count;
    private int errorCount;
    private long heartbeatNonce;
    private boolean heartbeatOutstanding;
    private Chunk handshakeChunk; // INIT or COOKIE ECHO, kept for T1 retransmission
    private Chunk shutdownChunk; // SHUTDOWN or SHUTDOWN ACK, kept for T2 retransmission

    private final ArrayDeque<Chunk> control = new ArrayDeque<>();
    private final ArrayDeque<byte[]> standalone = new ArrayDeque<>();
    private final List<OutboundMessage> early = new ArrayList<>();
    private DataSender sender;
    private DataReceiver receiver;
    private StreamResetHandler resets;
    private long now;

    public Association(SctpConfig config, RandomSource random, AssociationListener listener) {
        this.config = config;
        this.random = random;
        this.listener = listener;
        this.writer = new PacketWriter(config.maxPacketSize());
        this.rto = new RtoEstimator(config.rtoInitialNanos(), config.rtoMinNanos(), config.rtoMaxNanos());
        random.nextBytes(cookieSecret);
        long tag;
        do {
            tag = random.nextInt() & 0xFFFF_FFFFL; // §5.3.1: never zero
        } while (tag == 0);
        this.localTag = tag;
        this.localInitialTsn = random.nextInt() & 0xFFFF_FFFFL;
        this.localExtensions = new Extensions(config.partialReliability(), true, config.interleaving());
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
        return localExtensions.forwardTsn() && peerExtensions.forwardTsn();
    }

    /** Streams usable for sending: the smaller of what we and the peer allow. */
    public int outboundStreamLimit() {
        return sender == null ? config.streams() : Math.min(config.streams(), peerInboundStreams);
    }

    /** Starts the handshake (RFC 9260 §5.1 A): sends INIT and enters COOKIE-WAIT. */
    public void connect(long nowNanos) {
        advance(nowNanos);
        if (state != AssociationState.CLOSED || closed) {
            throw new IllegalStateException("connect() in state " + state);
        }
        handshakeChunk = new Chunk.Init(new InitParams(localTag, config.receiveWindow(), config.streams(),
                config.streams(), localInitialTsn, localExtensions, null));
        state = AssociationState.COOKIE_WAIT;
        t1Count = 0;
        sendStandalone(0, handshakeChunk);
        t1.start(now + t1Interval());
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
            state = AssociationState.SHUTDOWN_PENDING;
            checkShutdownProgress();
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
        if (peerTag != 0) {
            sendStandalone(peerTag, new Chunk.Abort(false,
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
            if (cum != cumBefore) {
                resets.onCumulativeTsn(cum);
            }
        }
        checkShutdownProgress();
    }

    /** §8.5: the verification tag rules, with the INIT and T-bit exceptions (§8.5.1). */
    private boolean tagAcceptable(SctpPacket p) {
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
        return p.verificationTag() == localTag;
    }

    /** Handles one chunk; false stops processing the rest of the packet. */
    private boolean dispatch(Chunk c) {
        if (c instanceof Chunk.Data d) {
            if (receiver != null && state.carriesData() && d.format() == receiver.format()) {
                receiver.onData(d);
                if (state == AssociationState.SHUTDOWN_SENT) {
                    control.add(shutdownChunk); // §9.2: answer DATA with SHUTDOWN
                    receiver.requestSack();
                }
            } else {
                counters.unexpectedChunks++;
            }
        } else if (c instanceof Chunk.Sack s) {
            if (sender != null && state.carriesData()) {
                if (sender.onSack(s, now)) {
                    errorCount = 0;
                    heartbeat.start(now + heartbeatInterval());
                } else {
                    counters.protocolViolations++;
                }
            } else {
                counters.unexpectedChunks++;
            }
        } else if (c instanceof Chunk.Init i) {
            onInit(i.params());
        } else if (c instanceof Chunk.InitAck i) {
            onInitAck(i.params());
        } else if (c instanceof Chunk.CookieEcho ce) {
            onCookieEcho(ce.cookie());
        } else if (c instanceof Chunk.CookieAck) {
            if (state == AssociationState.COOKIE_ECHOED) {
                t1.stop();
                handshakeChunk = null;
                establish();
            }
        } else if (c instanceof Chunk.Heartbeat h) {
            if (peerTag != 0) {
                control.add(new Chunk.HeartbeatAck(h.info())); // §8.3: echo it unchanged
            }
        } else if (c instanceof Chunk.HeartbeatAck h) {
            onHeartbeatAck(h.info());
        } else if (c instanceof Chunk.Abort a) {
            String why = a.causes().isEmpty() ? "no cause" : a.causes().get(0).describe();
            close(new CloseReason(CloseReason.Kind.ABORTED_BY_PEER, why));
            return false;
        } else if (c instanceof Chunk.Shutdown s) {
            onShutdown(s.cumulativeTsnAck());
        } else if (c instanceof Chunk.ShutdownAck) {
            if (state == AssociationState.SHUTDOWN_SENT || state == AssociationState.SHUTDOWN_ACK_SENT) {
                sendStandalone(peerTag, new Chunk.ShutdownComplete(false));
                close(new CloseReason(CloseReason.Kind.SHUTDOWN, "shutdown complete"));
                return false;
            }
            counters.unexpectedChunks++;
        } else if (c instanceof Chunk.ShutdownComplete) {
            if (state == AssociationState.SHUTDOWN_ACK_SENT) {
                close(new CloseReason(CloseReason.Kind.SHUTDOWN, "shutdown complete"));
                return false;
            }
            counters.unexpectedChunks++;
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
        } else if (c instanceof Chunk.Error) {
            counters.unexpectedChunks++; // the peer reports a problem; nothing here acts on it
        } else if (c instanceof Chunk.Unknown u) {
            counters.unexpectedChunks++;
            return ChunkType.skipIfUnknown(u.type()); // §3.2: the type's high bits decide
        }
        return true;
    }

    // ---------------------------------------------------------------- handshake

    private void onInit(InitParams p) {
        switch (state) {
            case CLOSED, COOKIE_WAIT, COOKIE_ECHOED, ESTABLISHED -> {
                // §5.1 B, and §5.2.1 for an INIT crossing ours: answer with our own tag and TSN, keep
                // no state. In ESTABLISHED this answers a peer that lost our COOKIE ACK path; a real
                // restart (new peer tag) is refused when its COOKIE ECHO arrives.
                StateCookie cookie = new StateCookie(localTag, p.initiateTag(), localInitialTsn, p.initialTsn(),
                        p.advertisedReceiverWindow(), p.outboundStreams(), p.inboundStreams(), p.extensions(), now);
                InitParams ack = new InitParams(localTag, config.receiveWindow(), config.streams(), config.streams(),
                        localInitialTsn, localExtensions, cookie.seal(cookieSecret));
                sendStandalone(p.initiateTag(), new Chunk.InitAck(ack));
            }
            default -> counters.unexpectedChunks++;
        }
    }

    private void onInitAck(InitParams p) {
        if (state != AssociationState.COOKIE_WAIT) {
            counters.unexpectedChunks++; // §5.2.3: an INIT ACK in any other state is discarded
            return;
        }
        adoptPeer(p.initiateTag(), p.initialTsn(), p.advertisedReceiverWindow(), p.outboundStreams(),
                p.inboundStreams(), p.extensions());
        handshakeChunk = new Chunk.CookieEcho(p.stateCookie());
        state = AssociationState.COOKIE_ECHOED;
        t1Count = 0;
        control.addFirst(handshakeChunk); // COOKIE ECHO must be the first chunk (§5.1 C)
        t1.start(now + t1Interval());
    }

    private void onCookieEcho(byte[] bytes) {
        StateCookie c;
        try {
            c = StateCookie.open(cookieSecret, bytes);
        } catch (ParseException e) {
            counters.badCookies++;
            return;
        }
        if (c.localTag() != localTag) {
            counters.badCookies++;
            return;
        }
        if (now - c.createdAtNanos() > config.cookieLifetimeNanos()) {
            counters.staleCookies++; // §5.1.5: too old
            sendStandalone(c.peerTag(), new Chunk.Error(List.of(new ErrorCause(ErrorCause.STALE_COOKIE, new byte[4]))));
            return;
        }
        switch (state) {
            case CLOSED, COOKIE_WAIT, COOKIE_ECHOED -> {
                if (peerTag != 0 && peerTag != c.peerTag()) {
                    counters.badCookies++; // a cookie for another incarnation of the peer
                    return;
                }
                adoptPeer(c.peerTag(), c.peerInitialTsn(), c.peerRwnd(), c.peerOutboundStreams(),
                        c.peerInboundStreams(), c.peerExtensions());
                t1.stop();
                handshakeChunk = null;
                control.removeIf(x -> x instanceof Chunk.CookieEcho);
                control.addFirst(new Chunk.CookieAck());
                establish();
            }
            default -> {
                if (c.peerTag() == peerTag) {
                    control.addFirst(new Chunk.CookieAck()); // §5.2.4 case D: our COOKIE ACK was lost
                } else {
                    counters.badCookies++; // §5.2.4 case A (peer restart) is not supported
                }
            }
        }
    }

    private void adoptPeer(long tag, long initialTsn, long rwnd, int os, int mis, Extensions ext) {
        peerTag = tag;
        peerInitialTsn = initialTsn;
        peerRwnd = rwnd;
        peerOutboundStreams = os;
        peerInboundStreams = mis;
        peerExtensions = ext;
    }

    private void establish() {
        if (sender != null) {
            return;
        }
        Extensions both = localExtensions.intersect(peerExtensions);
        DataFormat format = both.iData() ? DataFormat.I_DATA : DataFormat.DATA;
        int maxPayload = config.maxPacketSize() - ChunkParser.COMMON_HEADER_LENGTH - format.headerLength();
        sender = new DataSender(format, both.forwardTsn(), localInitialTsn, peerRwnd, maxPayload, config.maxBurst(),
                rto, listener::onBufferedAmountDecreased, counters);
        receiver = new DataReceiver(peerInitialTsn, format, config.receiveWindow(),
                Math.min(config.streams(), peerOutboundStreams), config.delayedAckNanos(), this::deliver, counters);
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
        heartbeat.start(now + heartbeatInterval());
        for (OutboundMessage m : early) {
            sender.enqueue(m);
        }
        early.clear();
        listener.onEstablished();
    }

    private void deliver(int streamId, long ppid, byte[] data) {
        counters.messagesDelivered++;
        listener.onMessage(streamId, ppid, data);
    }

    // ---------------------------------------------------------------- heartbeat, shutdown, close

    private void onHeartbeatAck(byte[] info) {
        if (info.length != HEARTBEAT_INFO_LENGTH) {
            counters.unexpectedChunks++;
            return;
        }
        long sentAt = readLong(info, 0);
        long nonce = readLong(info, 8);
        if (nonce != heartbeatNonce || !heartbeatOutstanding) {
            counters.unexpectedChunks++;
            return;
        }
        heartbeatOutstanding = false;
        errorCount = 0;
        rto.onMeasurement(now - sentAt); // §8.3: a heartbeat round trip is an RTT sample
    }

    private void onShutdown(long cumTsnAck) {
        switch (state) {
            case ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_RECEIVED -> {
                state = AssociationState.SHUTDOWN_RECEIVED;
                // §9.2: SHUTDOWN's cumulative TSN ack acknowledges like a SACK without gaps.
                if (Tsn.lt(sender.cumulativeAck(), cumTsnAck)) {
                    sender.onSack(new Chunk.Sack(cumTsnAck, sender.peerRwnd() + sender.flightBytes(), new int[0],
                            new long[0]), now);
                }
            }
            case SHUTDOWN_SENT -> {
                // Both sides shut down at once (§9.2): answer with SHUTDOWN ACK.
                shutdownChunk = new Chunk.ShutdownAck();
                state = AssociationState.SHUTDOWN_ACK_SENT;
                control.add(shutdownChunk);
                t2Count = 0;
                t2.start(now + rto.rto());
            }
            default -> counters.unexpectedChunks++;
        }
    }

    private void checkShutdownProgress() {
        if (sender == null || closed || !sender.allAcknowledged()) {
            return;
        }
        if (state == AssociationState.SHUTDOWN_PENDING) {
            shutdownChunk = new Chunk.Shutdown(receiver.cumulativeTsn());
            state = AssociationState.SHUTDOWN_SENT;
        } else if (state == AssociationState.SHUTDOWN_RECEIVED) {
            shutdownChunk = new Chunk.ShutdownAck();
            state = AssociationState.SHUTDOWN_ACK_SENT;
        } else {
            return;
        }
        control.add(shutdownChunk);
        t2Count = 0;
        t2.start(now + rto.rto());
    }

    private void close(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        state = AssociationState.CLOSED;
        t1.stop();
        t2.stop();
        heartbeat.stop();
        control.clear();
        listener.onClosed(reason);
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
        if (t1.fire(now)) {
            onT1();
        }
        if (t2.fire(now)) {
            onT2();
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
        if (heartbeat.fire(now) && state.carriesData()) {
            if (heartbeatOutstanding && ++errorCount > config.maxRetransmissions()) {
                timedOut("heartbeat");
                return;
            }
            sendHeartbeat();
        }
    }

    private void onT1() {
        if (++t1Count > config.maxInitRetransmissions()) {
            timedOut(state == AssociationState.COOKIE_WAIT ? "T1-init" : "T1-cookie");
            return;
        }
        if (state == AssociationState.COOKIE_WAIT) {
            sendStandalone(0, handshakeChunk);
        } else if (state == AssociationState.COOKIE_ECHOED) {
            control.addFirst(handshakeChunk);
        } else {
            return;
        }
        t1.start(now + t1Interval());
    }

    private long t1Interval() {
        // §5.1 and §6.3.3: T1 starts at RTO.Initial and doubles per expiry.
        long base = config.rtoInitialNanos();
        return Math.min(config.rtoMaxNanos(), base << Math.min(t1Count, 20));
    }

    private void onT2() {
        if (++t2Count > config.maxRetransmissions()) {
            timedOut("T2-shutdown");
            return;
        }
        if (shutdownChunk != null) {
            if (shutdownChunk instanceof Chunk.Shutdown) {
                shutdownChunk = new Chunk.Shutdown(receiver.cumulativeTsn());
            }
            control.add(shutdownChunk);
            t2.start(now + Math.min(config.rtoMaxNanos(), rto.rto() << Math.min(t2Count, 20)));
        }
    }

    private void timedOut(String what) {
        if (peerTag != 0) {
            sendStandalone(peerTag, new Chunk.Abort(false,
                    List.of(ErrorCause.withReason(ErrorCause.PROTOCOL_VIOLATION, what + " retransmissions exhausted"))));
        }
        close(new CloseReason(CloseReason.Kind.TIMED_OUT, what));
    }

    private long heartbeatInterval() {
        // §8.3: RTO plus HB.interval, with jitter of +-50% of the RTO.
        long r = rto.rto();
        return config.heartbeatIntervalNanos() + r / 2 + (random.nextLong() >>> 1) % Math.max(1, r);
    }

    private void sendHeartbeat() {
        heartbeatNonce = random.nextLong();
        heartbeatOutstanding = true;
        byte[] info = new byte[HEARTBEAT_INFO_LENGTH];
        writeLong(info, 0, now);
        writeLong(info, 8, heartbeatNonce);
        control.add(new Chunk.Heartbeat(info));
        heartbeat.start(now + heartbeatInterval());
    }

    /** The earliest timer, or {@link Long#MAX_VALUE} when none runs. */
    public long nextDeadline() {
        if (closed) {
            return Long.MAX_VALUE;
        }
        long d = Math.min(t1.deadline(), Math.min(t2.deadline(), heartbeat.deadline()));
        if (sender != null) {
            d = Math.min(d, sender.t3Deadline());
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
        if (closed || peerTag == 0) {
            return null;
        }
        writer.start(config.localPort(), config.remotePort(), peerTag);
        while (!control.isEmpty() && writer.fits(control.peek())) {
            writer.add(control.poll());
        }
        if (sender != null && state.carriesData()) {
            Chunk.ReConfig rc = resets.wantsToSend(sender::streamDrained)
                    ? resets.poll(now, sender.lastAssignedTsn(), rto.rto(), sender::streamDrained) : null;
            if (rc != null && writer.fits(rc)) {
                writer.add(rc);
            }
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

    private void sendStandalone(long tag, Chunk chunk) {
        writer.start(config.localPort(), config.remotePort(), tag);
        writer.add(chunk);
        standalone.add(writer.finish());
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
        return sender == null ? peerRwnd : sender.peerRwnd();
    }

    public long rtoNanos() {
        return rto.rto();
    }

    public long localVerificationTag() {
        return localTag;
    }

    public long peerVerificationTag() {
        return peerTag;
    }

    private static long readLong(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (b[at + i] & 0xFF);
        }
        return v;
    }

    private static void writeLong(byte[] b, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>>= 8;
        }
    }
}
