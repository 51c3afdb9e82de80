package dev.jrtc.rtp.receive;

import dev.jrtc.rtp.NtpTime;
import dev.jrtc.rtp.rtcp.ReportBlock;

/**
 * What a receiver reports about one source (RFC 3550, section 6.4.1 and appendices A.3 and A.8):
 * loss, cumulative loss, interarrival jitter and the echo of the last sender report.
 */
public final class ReceiveStatistics {
    private final long ssrc;
    private final int clockRate;
    private long baseSeq = -1;
    private long maxSeq = -1;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private long lastTransit;
    private long lastTimestamp = -1;
    private double jitter;
    private long lastSrCompact;
    private long lastSrArrivalNanos;

    /** Statistics for source {@code ssrc} with RTP clock {@code clockRate}. */
    public ReceiveStatistics(long ssrc, int clockRate) {
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    /**
     * Counts a packet.
     *
     * @param extendedSeq   its unwrapped sequence number
     * @param rtpTimestamp  its 32-bit timestamp
     * @param retransmitted whether it was repaired through RTX, so its timing says nothing about jitter
     */
    public void onPacket(long nowNanos, long extendedSeq, long rtpTimestamp, boolean retransmitted) {
        if (baseSeq < 0) {
            baseSeq = extendedSeq;
            maxSeq = extendedSeq;
        }
        received++;
        baseSeq = Math.min(baseSeq, extendedSeq);
        maxSeq = Math.max(maxSeq, extendedSeq);
        if (retransmitted || rtpTimestamp == lastTimestamp) {
            return; // packets of one frame share a timestamp; their spacing is pacing, not jitter
        }
        // Arrival in timestamp units; only differences matter, so wrapping arithmetic is fine.
        long arrival = Math.floorDiv(nowNanos, 1000L) * clockRate / 1_000_000L;
        long transit = arrival - rtpTimestamp;
        if (lastTimestamp >= 0) {
            long d = Math.abs(transit - lastTransit);
            jitter += (d - jitter) / 16.0;
        }
        lastTransit = transit;
        lastTimestamp = rtpTimestamp;
    }

    /** A sender report from this source arrived. */
    public void onSenderReport(long nowNanos, long ntpTimestamp) {
        lastSrCompact = NtpTime.compact(ntpTimestamp);
        lastSrArrivalNanos = nowNanos;
    }

    /** Packets expected so far, from the sequence-number range. */
    public long expected() {
        return baseSeq < 0 ? 0 : maxSeq - baseSeq + 1;
    }

    /** Packets received so far, duplicates and repairs included. */
    public long received() {
        return received;
    }

    /** Packets lost so far (negative when duplicates outnumber losses). */
    public long cumulativeLost() {
        return expected() - received;
    }

    /** Interarrival jitter in timestamp units. */
    public long jitter() {
        return (long) jitter;
    }

    /** The highest extended sequence number seen, or -1. */
    public long extendedHighestSequence() {
        return maxSeq;
    }

    /**
     * A report block for now; it also starts the next interval for the fraction-lost figure.
     *
     * @return {@code null} before the first packet
     */
    public ReportBlock reportBlock(long nowNanos) {
        if (baseSeq < 0) {
            return null;
        }
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long lost = Math.max(-0x800000, Math.min(0x7FFFFF, cumulativeLost()));
        long dlsr = lastSrCompact == 0 ? 0 : NtpTime.toCompactDuration(nowNanos - lastSrArrivalNanos);
        // The extended sequence number is reported with cycles counted from the first packet.
        long reportedMax = (maxSeq - (baseSeq & ~0xFFFFL)) & 0xFFFF_FFFFL;
        return new ReportBlock(ssrc, Math.min(fraction, 255), (int) lost, reportedMax, jitter(), lastSrCompact, dlsr);
    }
}
