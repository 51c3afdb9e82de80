package dev.jrtc.sctp.assoc;

import dev.jrtc.sctp.packet.Chunk;
import dev.jrtc.sctp.packet.DataFormat;

/**
 * The receiving half of an association: TSN bookkeeping, reassembly, the receiver window, and when
 * to SACK (RFC 9260 §6.2: at least every second packet with DATA, at most 200 ms late, at once when
 * a gap opens or closes, on duplicates, and after a FORWARD TSN).
 *
 * <p>One exception to "every second packet": while the caller says that more packets are already
 * waiting to be handled ({@link #setBacklog}), the routine SACK waits until the backlog is handled,
 * for up to {@value #MAX_PACKETS_PER_SACK} packets. A receiver that keeps up still acknowledges every
 * second packet; one that has fallen behind acknowledges what it read in one go with one SACK instead
 * of a SACK per two packets it already holds, as TCP receivers do for the segments that
 * generic receive offload merged. SACKs for gaps, duplicates and FORWARD TSN never wait.
 */
final class DataReceiver {
    private static final int MAX_GAP_BLOCKS = 200;
    /** The most packets one routine SACK covers while a backlog is being handled. */
    static final int MAX_PACKETS_PER_SACK = 8;

    private final DataFormat format;
    private final TsnTracker tracker;
    private final Reassembly reassembly;
    private final long window;
    private final int inboundStreams;
    private final long sackDelay;
    private final SctpCounters counters;
    private final Timer delayedSack = new Timer();
    private int packetsUnacked;
    private boolean sackNow;
    private boolean hadGaps;
    private boolean dataInPacket;
    private boolean backlog;

    DataReceiver(long peerInitialTsn, DataFormat format, long window, int inboundStreams, long sackDelayNanos,
            Reassembly.Sink sink, SctpCounters counters) {
        this.format = format;
        this.tracker = new TsnTracker(peerInitialTsn);
        this.reassembly = new Reassembly(format, sink);
        this.window = window;
        this.inboundStreams = inboundStreams;
        this.sackDelay = sackDelayNanos;
        this.counters = counters;
    }

    DataFormat format() {
        return format;
    }

    long cumulativeTsn() {
        return tracker.cumulativeTsn();
    }

    /** a_rwnd: the window less what reassembly holds (§6.2). */
    long advertisedWindow() {
        return Math.max(0, window - reassembly.bytesHeld());
    }

    long bytesHeld() {
        return reassembly.bytesHeld();
    }

    int activeStreams() {
        return reassembly.activeStreams();
    }

    int trackerBytes() {
        return tracker.bitsetBytes();
    }

    /** Handles one DATA or I-DATA chunk of a packet. */
    void onData(Chunk.Data d) {
        dataInPacket = true;
        counters.chunksReceived++;
        if (d.streamId() >= inboundStreams) {
            counters.protocolViolations++; // §6.2: invalid stream; dropped (not marked, never acked)
            return;
        }
        switch (tracker.check(d.tsn())) {
            case DUPLICATE -> {
                tracker.recordDuplicate(d.tsn());
                counters.duplicateTsns++;
                sackNow = true;
                return;
            }
            case OUT_OF_WINDOW -> {
                counters.tsnsOutOfWindow++;
                return;
            }
            default -> {
            }
        }
        // §6.2: with no room left, drop, unless the chunk is the next in sequence: it may complete
        // what the window is waiting on. Even that stops at twice the window, so a peer that
        // ignores a_rwnd cannot make the receiver hold more.
        boolean next = d.tsn() == Tsn.add(tracker.cumulativeTsn(), 1);
        long after = reassembly.bytesHeld() + d.length();
        if ((after > window && !next) || after > 2 * window) {
            counters.chunksDroppedNoBuffer++;
            sackNow = true;
            return;
        }
        tracker.mark(d.tsn());
        reassembly.add(d);
    }

    /** Applies a FORWARD TSN (RFC 3758 §3.6). Returns false if it points absurdly far ahead. */
    boolean onForwardTsn(Chunk.ForwardTsn f) {
        counters.forwardTsnReceived++;
        sackNow = true;
        int d = Tsn.diff(f.newCumulativeTsn(), tracker.cumulativeTsn());
        if (d <= 0) {
            return true; // old news
        }
        if (d > TsnTracker.MAX_AHEAD) {
            return false;
        }
        tracker.forwardTo(f.newCumulativeTsn());
        reassembly.forward(f.newCumulativeTsn(), f.skipped(), inboundStreams);
        return true;
    }

    /** The packet is done: decides between an immediate and a delayed SACK. */
    void onPacketEnd(long now) {
        if (!dataInPacket) {
            return;
        }
        dataInPacket = false;
        packetsUnacked++;
        boolean gaps = tracker.hasGaps();
        if (gaps || hadGaps) {
            sackNow = true;
        }
        hadGaps = gaps;
        if (!sackDue() && !delayedSack.running()) {
            delayedSack.start(now + sackDelay); // also bounds a backlog that is never reported over
        }
    }

    /**
     * Whether more packets are already waiting to be handled (see the class comment). The caller
     * clears it before the last waiting packet, so the SACK goes out when that one is handled.
     */
    void setBacklog(boolean more) {
        backlog = more;
    }

    /** Whether a SACK must go out now. */
    boolean sackDue() {
        return sackNow || packetsUnacked >= (backlog ? MAX_PACKETS_PER_SACK : 2);
    }

    /** Whether received DATA has not been acknowledged yet (a SACK may ride along). */
    boolean sackPending() {
        return sackNow || packetsUnacked > 0 || tracker.hasDuplicates();
    }

    /** Forces a SACK with the next packet (e.g. when SHUTDOWN is pending). */
    void requestSack() {
        sackNow = true;
    }

    long deadline() {
        return delayedSack.deadline();
    }

    void onTimeout(long now) {
        if (delayedSack.fire(now)) {
            sackNow = true;
        }
    }

    /** Builds a SACK and clears what it acknowledges. */
    Chunk.Sack buildSack(int maxBytes) {
        int maxBlocks = Math.max(0, Math.min(MAX_GAP_BLOCKS, (maxBytes - 16 - 4 * 32) / 4));
        Chunk.Sack s = new Chunk.Sack(tracker.cumulativeTsn(), advertisedWindow(), tracker.gapBlocks(maxBlocks),
                tracker.drainDuplicates());
        sackNow = false;
        packetsUnacked = 0;
        delayedSack.stop();
        counters.sacksSent++;
        return s;
    }

    void resetStream(int streamId) {
        reassembly.resetStream(streamId);
    }
}
