package dev.jrtc.rtp.receive;

import dev.jrtc.rtp.Unwrapper;
import dev.jrtc.rtp.rtcp.TransportFeedback;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Builds transport-wide congestion control feedback
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01) from the transport sequence numbers and
 * arrival times of received packets, once per interval. Packets that never arrived within the
 * reported range are reported lost; a packet that arrives after its range was reported is ignored.
 */
public final class TwccFeedbackGenerator {
    private static final int MAX_STATUSES = 0xFFFF;

    private final long senderSsrc;
    private final long intervalNanos;
    private final Unwrapper sequences = Unwrapper.forSequenceNumbers();
    private final TreeMap<Long, Long> arrivals = new TreeMap<>();
    private long nextToReport = -1;
    private long mediaSsrc;
    private int feedbackCount;
    private long nextSendNanos = Long.MAX_VALUE;

    /**
     * @param senderSsrc    the SSRC the feedback is sent from
     * @param intervalNanos how often feedback goes out while packets arrive
     */
    public TwccFeedbackGenerator(long senderSsrc, long intervalNanos) {
        this.senderSsrc = senderSsrc;
        this.intervalNanos = intervalNanos;
    }

    /** A packet with transport sequence number {@code seq} arrived. */
    public void onPacket(long nowNanos, int seq, long mediaSsrc) {
        long ext = sequences.unwrap(seq);
        if (nextToReport >= 0 && ext < nextToReport) {
            return;
        }
        if (nextToReport < 0) {
            nextToReport = ext;
        }
        arrivals.putIfAbsent(ext, nowNanos);
        this.mediaSsrc = mediaSsrc;
        if (nextSendNanos == Long.MAX_VALUE) {
            nextSendNanos = nowNanos + intervalNanos;
        }
    }

    /** When feedback is next due, or {@code Long.MAX_VALUE}. */
    public long nextDeadlineNanos() {
        return nextSendNanos;
    }

    /** The feedback packets due now (none before the deadline). */
    public List<TransportFeedback> poll(long nowNanos) {
        if (nowNanos < nextSendNanos || arrivals.isEmpty()) {
            return List.of();
        }
        List<TransportFeedback> out = new ArrayList<>();
        while (!arrivals.isEmpty()) {
            out.add(buildOne());
        }
        nextSendNanos = Long.MAX_VALUE;
        return out;
    }

    /** One feedback packet from {@code nextToReport} on, as far as 16-bit deltas and the count allow. */
    private TransportFeedback buildOne() {
        long base = Math.max(nextToReport, arrivals.firstKey() - MAX_STATUSES + 1);
        long firstArrival = arrivals.firstEntry().getValue();
        long referenceUnits = Math.floorDiv(firstArrival, TransportFeedback.REFERENCE_UNIT_NANOS);
        long clock = referenceUnits * TransportFeedback.REFERENCE_UNIT_NANOS;
        List<TransportFeedback.Status> statuses = new ArrayList<>();
        long seq = base;
        while (!arrivals.isEmpty() && statuses.size() < MAX_STATUSES) {
            Long arrival = arrivals.get(seq);
            if (arrival == null) {
                statuses.add(TransportFeedback.Status.LOST);
            } else {
                long ticks = Math.round((arrival - clock) / (double) TransportFeedback.TICK_NANOS);
                if (ticks < Short.MIN_VALUE || ticks > Short.MAX_VALUE) {
                    break; // does not fit: the next feedback starts here with a new reference
                }
                statuses.add(TransportFeedback.Status.received((int) ticks));
                clock += ticks * TransportFeedback.TICK_NANOS;
                arrivals.remove(seq);
            }
            seq++;
        }
        // Trailing losses are not reported yet: the packets may still come.
        while (!statuses.isEmpty() && !statuses.get(statuses.size() - 1).received()) {
            statuses.remove(statuses.size() - 1);
            seq--;
        }
        nextToReport = seq;
        int ref = (int) (referenceUnits & 0xFFFFFF);
        if (ref >= 0x800000) {
            ref -= 0x1000000;
        }
        TransportFeedback fb = new TransportFeedback(senderSsrc, mediaSsrc, (int) (base & 0xFFFF), ref,
                feedbackCount, statuses);
        feedbackCount = (feedbackCount + 1) & 0xFF;
        return fb;
    }
}
