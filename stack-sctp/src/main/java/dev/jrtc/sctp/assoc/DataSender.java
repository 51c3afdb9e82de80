package dev.jrtc.sctp.assoc;

import dev.jrtc.sctp.packet.Chunk;
import dev.jrtc.sctp.packet.DataFormat;
import dev.jrtc.sctp.packet.PacketWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sending half of an association: queued messages, chunks in flight, SACK processing, fast
 * retransmit and T3-rtx (RFC 9260 §6.1 to §6.3, §7.2), and partial reliability (RFC 3758 §3.5).
 *
 * <p>Loss is detected by time, RACK-style ({@link RackLossDetector}), instead of by counting three
 * miss indications: with the classic rule a single packet overtaken by three others is
 * retransmitted and halves cwnd, which on a path with even 0.2% reordering keeps the window tiny.
 * When all retransmissions of a fast recovery prove spurious the window reduction is undone.
 */
final class DataSender {
    /** Below this many bytes of room a packet is sent as it is rather than with a sliver of data. */
    private static final int MIN_FRAGMENT = 256;
    /** At most this many inputs' Max.Burst allowances add up (Netty's 16-datagram read batch). */
    private static final int MAX_BATCHED_INPUTS = 16;

    private final DataFormat format;
    private final boolean forwardTsnSupported;
    private final SendQueue queue;
    private final RetransmissionQueue flight;
    private final CongestionControl cc;
    private final RtoEstimator rto;
    private final SctpCounters counters;
    private final Timer t3 = new Timer();
    private final RetransmissionQueue.AckResult ack = new RetransmissionQueue.AckResult();
    private final RackLossDetector rack = new RackLossDetector();
    private final List<Outstanding> lostNow = new ArrayList<>();
    private long ackTime;
    private boolean spuriousInSack;
    /** The current recovery episode, and how many of its loss marks are not yet proven spurious. */
    private int episode;
    private int undoMarks;
    private boolean undoArmed;

    private long nextTsn;
    private long cumulativeAck;
    private long peerRwnd;
    private long forwardTsnSentFor;
    private boolean forwardTsnPending;
    private boolean fastRetransmitPending;
    private int burstBudget;
    /** Whether output was polled since the last input (then the next input starts a fresh burst). */
    private boolean polledSinceInput = true;
    /**
     * Whether the window was in use when the current batch of inputs began. The later SACKs of a
     * batch find the flight already shrunk by the earlier ones, though the window was full when
     * the peer sent them; cwnd growth (§7.2.1, only while the window is in use) judges them by this.
     */
    private boolean batchWindowFull;
    private final int maxBurst;
    private final int maxPayload;
    private long timedTsn = -1;
    private long timedSentAt;

    DataSender(DataFormat format, boolean forwardTsnSupported, long initialTsn, long peerRwnd, int maxPayload,
            int maxBurst, RtoEstimator rto, SendQueue.Listener listener, SctpCounters counters) {
        this.format = format;
        this.forwardTsnSupported = forwardTsnSupported;
        this.nextTsn = initialTsn;
        this.cumulativeAck = Tsn.add(initialTsn, -1);
        this.forwardTsnSentFor = cumulativeAck;
        this.peerRwnd = peerRwnd;
        this.maxBurst = maxBurst;
        this.maxPayload = maxPayload;
        this.burstBudget = maxBurst;
        this.queue = new SendQueue(format, listener);
        this.flight = new RetransmissionQueue(initialTsn);
        this.cc = new CongestionControl(maxPayload, peerRwnd);
        this.rto = rto;
        this.counters = counters;
        this.ack.listener = this::onChunkAcked;
    }

    DataFormat format() {
        return format;
    }

    void enqueue(OutboundMessage m) {
        queue.enqueue(m);
    }

    /**
     * A new input arrived: the sender may send another burst (RFC 9260 §6.1, Max.Burst). Inputs
     * handled back to back with no poll for output in between (a caller that drains once per
     * batch of packets; jrtc's edge drains after every datagram, see ConnectionLoop) add up while data waits, so that handling a batch at once never sends less than
     * handling its packets one by one would; the sum is capped at {@value #MAX_BATCHED_INPUTS}
     * inputs. Once output was polled, the next input starts a fresh burst.
     */
    void newSendOpportunity() {
        if (polledSinceInput || queue.isEmpty()) {
            burstBudget = maxBurst;
            batchWindowFull = cc.windowFull(flight.flightBytes());
        } else {
            burstBudget = Math.min(burstBudget + maxBurst, maxBurst * MAX_BATCHED_INPUTS);
        }
        polledSinceInput = false;
    }

    /** The association is being polled for output: inputs after this start a new batch. */
    void onPoll() {
        polledSinceInput = true;
    }

    long lastAssignedTsn() {
        return Tsn.add(nextTsn, -1);
    }

    long cumulativeAck() {
        return cumulativeAck;
    }

    long queuedBytes() {
        return queue.queuedBytes();
    }

    long flightBytes() {
        return flight.flightBytes();
    }

    long cwnd() {
        return cc.cwnd();
    }

    long peerRwnd() {
        return peerRwnd;
    }

    int outstandingChunks() {
        return flight.size();
    }

    int activeStreams() {
        return queue.activeStreams();
    }

    /** Nothing queued and everything sent has been acknowledged (RFC 9260 §9.2). */
    boolean allAcknowledged() {
        return queue.isEmpty() && flight.isEmpty();
    }

    boolean streamDrained(int streamId) {
        return queue.streamDrained(streamId);
    }

    void resetStream(int streamId) {
        queue.resetStream(streamId);
    }

    /** The earliest of T3-rtx and the reordering-window timer. */
    long deadline() {
        return Math.min(t3.deadline(), rack.deadline());
    }

    /** Whether {@link #fill} would add anything now. */
    boolean wantsToSend() {
        if (forwardTsnPending || fastRetransmitPending) {
            return true;
        }
        boolean windowOpen = flight.flightBytes() < cc.cwnd();
        if (windowOpen && flight.hasRetransmissions()) {
            return true;
        }
        return windowOpen && burstBudget > 0 && !queue.isEmpty()
                && (peerRwnd > 0 || flight.flightBytes() == 0);
    }

    /**
     * Adds FORWARD TSN, retransmissions and new data to the packet being built, within the
     * congestion and receiver windows. Returns whether any DATA went in.
     */
    boolean fill(PacketWriter w, long now) {
        if (forwardTsnPending) {
            Chunk.ForwardTsn f = forwardTsnChunk();
            if (w.fits(f)) {
                w.add(f);
                forwardTsnPending = false;
                counters.forwardTsnSent++;
                startT3IfIdle(now);
            }
        }
        boolean added = false;
        // §7.2.4: the first packet of fast retransmissions goes out whatever cwnd says.
        boolean ignoreCwnd = fastRetransmitPending;
        fastRetransmitPending = false;
        Outstanding o;
        while ((o = flight.peekRetransmit()) != null) {
            if (!ignoreCwnd && flight.flightBytes() >= cc.cwnd()) {
                break;
            }
            if (shouldAbandon(o, now)) {
                abandon(o.message);
                continue;
            }
            if (PacketWriter.encodedLength(o.chunk) > w.remaining()) {
                break;
            }
            flight.pollRetransmit();
            w.add(o.chunk);
            flight.onRetransmitted(o);
            o.sentAt = now;
            if (o.tsn() == timedTsn) {
                timedTsn = -1; // Karn: never time a retransmitted chunk
            }
            peerRwnd = Math.max(0, peerRwnd - o.bytes());
            counters.chunksRetransmitted++;
            added = true;
        }
        if (ignoreCwnd && added) {
            startT3IfIdle(now);
            return true;
        }
        boolean newData = false;
        while (burstBudget > 0 && flight.flightBytes() < cc.cwnd()) {
            int room = w.remaining() - format.headerLength();
            long inFlight = flight.flightBytes();
            if (inFlight > 0 && peerRwnd <= 0) {
                break;
            }
            // With nothing in flight one chunk may probe a zero window (§6.1 rule A).
            long allowed = inFlight == 0 ? room : Math.min(room, peerRwnd);
            if (allowed < Math.min(room, MIN_FRAGMENT) || allowed <= 0) {
                break;
            }
            Outstanding n = queue.next(nextTsn, (int) allowed, now);
            if (n == null) {
                break;
            }
            w.add(n.chunk);
            n.sentAt = now;
            flight.add(n);
            nextTsn = Tsn.add(nextTsn, 1);
            peerRwnd = Math.max(0, peerRwnd - n.bytes());
            if (timedTsn < 0) {
                timedTsn = n.tsn();
                timedSentAt = now;
            }
            counters.chunksSent++;
            newData = true;
        }
        if (newData) {
            burstBudget--;
        }
        if (added || newData) {
            startT3IfIdle(now);
        }
        return added || newData;
    }

    private void startT3IfIdle(long now) {
        if (!t3.running()) {
            t3.start(now + rto.rto()); // §6.3.2 R1
        }
    }

    /**
     * Processes a SACK (RFC 9260 §6.2.1, §7.2). Returns false if it acknowledges TSNs never sent,
     * which the caller counts as a protocol violation.
     */
    boolean onSack(Chunk.Sack s, long now) {
        long cum = s.cumulativeTsnAck();
        if (Tsn.lt(cum, cumulativeAck)) {
            counters.staleSacks++;
            return true; // out of order, older than what we know (§6.2.1 D)
        }
        if (!Tsn.lt(cum, nextTsn)) {
            return false;
        }
        boolean windowFull = batchWindowFull || cc.windowFull(flight.flightBytes());
        ack.bytesNewlyAcked = 0;
        ack.cumulativeAdvanced = false;
        ack.highestNewlyAcked = -1;
        ack.anyNewlyAcked = false;
        ack.timedTsn = timedTsn;
        ack.timedAcked = false;
        ackTime = now;
        spuriousInSack = s.duplicateTsns().length > 0; // the peer got a TSN twice: SCTP's DSACK
        flight.acknowledge(cum, s.gapBlocks(), ack, o -> {
        });
        // §6.3.1 C3: sample when the timed chunk is first acknowledged, by the cumulative ack or a
        // gap block. Waiting for the cumulative ack would add loss-recovery time to the sample.
        if (ack.timedAcked) {
            rto.onMeasurement(now - timedSentAt);
            timedTsn = -1;
        } else if (timedTsn >= 0 && Tsn.le(timedTsn, cum)) {
            timedTsn = -1; // acknowledged without a valid sample (abandoned, or by FORWARD TSN)
        }
        cumulativeAck = cum;
        if (Tsn.lt(forwardTsnSentFor, cum)) {
            forwardTsnSentFor = cum;
        }
        if (spuriousInSack) {
            rack.onSpuriousRetransmission(cum, lastAssignedTsn());
        }
        if (ack.anyNewlyAcked) {
            detectLosses(now);
        }
        addStretchBudget(ack.bytesNewlyAcked);
        boolean wasInRecovery = cc.inFastRecovery();
        cc.onAck(ack.bytesNewlyAcked, windowFull, ack.cumulativeAdvanced, cum);
        if (wasInRecovery && !cc.inFastRecovery()) {
            rack.onRecoveryEnded();
        }
        if (flight.flightBytes() == 0) {
            cc.onFlightEmpty();
        }
        if (flight.isEmpty()) {
            rack.stopTimer();
        }
        peerRwnd = Math.max(0, s.advertisedReceiverWindow() - flight.flightBytes()); // §6.2.1
        if (flight.isEmpty()) {
            t3.stop(); // §6.3.2 R2
        } else if (ack.cumulativeAdvanced) {
            t3.start(now + rto.rto()); // R3
        }
        updateForwardTsn();
        return true;
    }

    /**
     * Max.Burst is a budget per input, and a receiver that SACKs every second packet gives one
     * input per two packets. A SACK that newly covers more (a receiver that handled a backlog at
     * once, see DataReceiver) stands for that many SACKs, and brings their budgets: otherwise each
     * SACK would free more packets than it lets us send, and the flight would shrink for good.
     */
    private void addStretchBudget(long bytesNewlyAcked) {
        long twoPackets = 2L * maxPayload;
        if (bytesNewlyAcked <= twoPackets) {
            return;
        }
        int sacks = (int) Math.min(MAX_BATCHED_INPUTS, bytesNewlyAcked / twoPackets);
        burstBudget = Math.min(burstBudget + (sacks - 1) * maxBurst, maxBurst * MAX_BATCHED_INPUTS);
    }

    private void onChunkAcked(Outstanding o, boolean wasMarkedLost) {
        if (rack.onAcked(o, wasMarkedLost, ackTime)) {
            counters.spuriousRetransmits++;
            spuriousInSack = true;
            if (undoArmed && o.lostEpisode == episode && --undoMarks == 0) {
                undoArmed = false;
                cc.undoFastRecovery();
                counters.congestionUndos++;
            }
        }
    }

    /** Runs time-based loss detection and starts fast retransmission for what it finds lost. */
    private void detectLosses(long now) {
        long reoWnd = rack.reorderWindow(cc.inFastRecovery(), flight.gapAckedCount(), rto.srtt());
        rack.detectLosses(flight, reoWnd, now, o -> {
            flight.markLost(o);
            lostNow.add(o);
        });
        if (lostNow.isEmpty()) {
            return;
        }
        counters.fastRetransmits += lostNow.size();
        if (!cc.inFastRecovery()) {
            // §7.2.4: one window reduction per recovery; remember it so that it can be undone
            episode++;
            undoArmed = true;
            undoMarks = 0;
            cc.onFastRetransmit(lastAssignedTsn());
        }
        if (undoArmed) {
            for (Outstanding o : lostNow) {
                o.lostEpisode = episode;
                undoMarks++;
            }
        }
        lostNow.clear();
        fastRetransmitPending = true;
        abandonLost(now);
    }

    /**
     * The reordering window of a chunk ran out (RFC 8985 §6.3) or T3-rtx expired (RFC 9260 §6.3.3).
     * Returns whether T3-rtx fired.
     */
    boolean onTimeout(long now) {
        if (rack.timerDue(now)) {
            detectLosses(now);
        }
        if (!t3.fire(now)) {
            return false;
        }
        counters.t3Expiries++;
        undoArmed = false; // a timeout is not undone
        rack.stopTimer();
        cc.onRetransmitTimeout(); // E1
        rto.backOff(); // E2
        flight.markAllLost(); // E3
        timedTsn = -1;
        abandonLost(now);
        if (forwardTsnSupported && Tsn.lt(cumulativeAck, flight.advancedAckPoint(cumulativeAck))) {
            forwardTsnPending = true; // resend it: it may have been lost
        }
        if (!flight.isEmpty()) {
            t3.start(now + rto.rto());
        }
        return true;
    }

    /** Whether T3 has expired this many times in a row without progress. */
    int consecutiveTimeouts() {
        return t3.expirations();
    }

    /** The peer showed progress: reset the consecutive-timeout count behind the error counter. */
    boolean hasOutstanding() {
        return !flight.isEmpty();
    }

    private boolean shouldAbandon(Outstanding o, long now) {
        OutboundMessage m = o.message;
        if (!forwardTsnSupported || m.reliable()) {
            return false;
        }
        return (m.maxRetransmits != OutboundMessage.UNLIMITED && o.transmissions > m.maxRetransmits) || m.expired(now);
    }

    private void abandonLost(long now) {
        if (!forwardTsnSupported) {
            return;
        }
        List<OutboundMessage> toAbandon = null;
        Outstanding first = flight.first();
        if (first == null) {
            return;
        }
        List<Outstanding> lost = new ArrayList<>();
        flight.forEach(o -> {
            if (o.state == Outstanding.State.TO_RETRANSMIT) {
                lost.add(o);
            }
            return true;
        });
        for (Outstanding o : lost) {
            if (o.state == Outstanding.State.TO_RETRANSMIT && shouldAbandon(o, now)) {
                if (toAbandon == null) {
                    toAbandon = new ArrayList<>();
                }
                toAbandon.add(o.message);
            }
        }
        if (toAbandon != null) {
            for (OutboundMessage m : toAbandon) {
                abandon(m);
            }
        }
    }

    private void abandon(OutboundMessage m) {
        if (!m.abandoned) {
            m.abandoned = true;
            counters.messagesAbandoned++;
        }
        flight.abandon(m);
        updateForwardTsn();
    }

    private void updateForwardTsn() {
        if (!forwardTsnSupported) {
            return;
        }
        long point = flight.advancedAckPoint(cumulativeAck);
        if (Tsn.lt(forwardTsnSentFor, point)) {
            forwardTsnPending = true; // RFC 3758 §3.5 C3
        }
    }

    /** FORWARD TSN up to the advanced ack point, naming the last skipped message of each stream. */
    private Chunk.ForwardTsn forwardTsnChunk() {
        long point = flight.advancedAckPoint(cumulativeAck);
        Map<Long, Chunk.SkippedMessage> perStream = new LinkedHashMap<>();
        flight.forEach(o -> {
            if (Tsn.lt(point, o.tsn())) {
                return false;
            }
            OutboundMessage m = o.message;
            boolean listed = format == DataFormat.I_DATA || !m.unordered;
            if (listed) {
                long key = (long) m.streamId << 1 | (m.unordered ? 1 : 0);
                Chunk.SkippedMessage prev = perStream.get(key);
                if (prev == null || newer(m.messageId, prev.messageId())) {
                    perStream.put(key, new Chunk.SkippedMessage(m.streamId, m.unordered, m.messageId));
                }
            }
            return true;
        });
        forwardTsnSentFor = point;
        return new Chunk.ForwardTsn(format, point, new ArrayList<>(perStream.values()));
    }

    private boolean newer(long a, long b) {
        return format == DataFormat.DATA ? (short) (a - b) > 0 : (int) (a - b) > 0;
    }
}
