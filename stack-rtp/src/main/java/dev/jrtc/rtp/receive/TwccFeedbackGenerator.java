package dev.jrtc.rtp.receive;

import dev.jrtc.rtp.Unwrapper;
import dev.jrtc.rtp.rtcp.TransportFeedback;
import java.util.ArrayList;
import java.util.List;

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
    /** Arrival times by extended transport sequence number, without boxing (this runs once per packet). */
    private final ArrivalRing arrivals = new ArrivalRing();
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
        long firstArrival = arrivals.get(arrivals.firstKey());
        long referenceUnits = Math.floorDiv(firstArrival, TransportFeedback.REFERENCE_UNIT_NANOS);
        long clock = referenceUnits * TransportFeedback.REFERENCE_UNIT_NANOS;
        List<TransportFeedback.Status> statuses = new ArrayList<>();
        long seq = base;
        while (!arrivals.isEmpty() && statuses.size() < MAX_STATUSES) {
            long arrival = arrivals.get(seq);
            if (arrival == ArrivalRing.ABSENT) {
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

    /**
     * Arrival times keyed by extended sequence number in a power-of-two ring that grows with the span
     * of unreported packets (made at the first packet, so a connection that never receives holds none).
     * The span is capped at {@link #MAX_SPAN}, more than one feedback can report; a jump further ahead
     * forgets the oldest arrivals and a packet further behind is ignored, which only thins the sender's
     * bandwidth estimate.
     */
    private static final class ArrivalRing {
        static final long ABSENT = Long.MIN_VALUE;
        private static final long EMPTY = Long.MIN_VALUE;
        private static final int INITIAL = 64;
        private static final int MAX_SPAN = 1 << 16;
        private long[] seqs;
        private long[] times;
        private int mask;
        private int count;
        private long lowest = Long.MAX_VALUE;
        private long highest = Long.MIN_VALUE;

        boolean isEmpty() {
            return count == 0;
        }

        /** The lowest sequence number held; only when not empty. */
        long firstKey() {
            return lowest;
        }

        long get(long seq) {
            if (count == 0 || seq < lowest || seq > highest) {
                return ABSENT;
            }
            int i = (int) (seq & mask);
            return seqs[i] == seq ? times[i] : ABSENT;
        }

        /** Keeps the first arrival of {@code seq}. */
        void putIfAbsent(long seq, long nanos) {
            if (seqs == null) {
                seqs = new long[INITIAL];
                times = new long[INITIAL];
                mask = INITIAL - 1;
                java.util.Arrays.fill(seqs, EMPTY);
            }
            if (count > 0) {
                if (highest - seq >= MAX_SPAN) {
                    return; // far behind everything held: reported as lost, like a packet that never came
                }
                if (seq - lowest >= MAX_SPAN) {
                    dropBelow(seq - MAX_SPAN + 1);
                }
                while (Math.max(highest, seq) - Math.min(lowest, seq) >= seqs.length) {
                    grow();
                }
            }
            int i = (int) (seq & mask);
            if (seqs[i] == seq) {
                return;
            }
            seqs[i] = seq;
            times[i] = nanos;
            count++;
            lowest = Math.min(lowest, seq);
            highest = Math.max(highest, seq);
        }

        void remove(long seq) {
            int i = (int) (seq & mask);
            if (count == 0 || seqs[i] != seq) {
                return;
            }
            seqs[i] = EMPTY;
            if (--count == 0) {
                lowest = Long.MAX_VALUE;
                highest = Long.MIN_VALUE;
                return;
            }
            if (seq == lowest) {
                long s = seq + 1;
                while (seqs[(int) (s & mask)] != s) {
                    s++;
                }
                lowest = s;
            }
            if (seq == highest) {
                long s = seq - 1;
                while (seqs[(int) (s & mask)] != s) {
                    s--;
                }
                highest = s;
            }
        }

        /** Forgets every arrival below {@code seq} (a jump ahead wider than the ring may hold). */
        private void dropBelow(long seq) {
            lowest = Long.MAX_VALUE;
            highest = Long.MIN_VALUE;
            count = 0;
            for (int j = 0; j < seqs.length; j++) {
                if (seqs[j] != EMPTY && seqs[j] < seq) {
                    seqs[j] = EMPTY;
                } else if (seqs[j] != EMPTY) {
                    count++;
                    lowest = Math.min(lowest, seqs[j]);
                    highest = Math.max(highest, seqs[j]);
                }
            }
        }

        private void grow() {
            long[] oldSeqs = seqs;
            long[] oldTimes = times;
            seqs = new long[oldSeqs.length * 2];
            times = new long[oldSeqs.length * 2];
            java.util.Arrays.fill(seqs, EMPTY);
            mask = seqs.length - 1;
            for (int j = 0; j < oldSeqs.length; j++) {
                if (oldSeqs[j] != EMPTY) {
                    int i = (int) (oldSeqs[j] & mask);
                    seqs[i] = oldSeqs[j];
                    times[i] = oldTimes[j];
                }
            }
        }
    }
}
