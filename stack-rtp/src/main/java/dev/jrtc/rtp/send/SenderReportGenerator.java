package dev.jrtc.rtp.send;

import dev.jrtc.rtp.NtpTime;
import dev.jrtc.rtp.rtcp.ReportBlock;
import dev.jrtc.rtp.rtcp.SenderReport;
import java.util.List;

/**
 * Counts what a stream sent and writes sender reports (RFC 3550, section 6.4.1) that map the wall
 * clock to the RTP clock. The RTP timestamp in a report is extrapolated from the last packet's
 * timestamp and its capture time by the time elapsed since, so it names the same instant as the
 * report's NTP time.
 */
public final class SenderReportGenerator {
    private final long ssrc;
    private final int clockRate;
    private long packets;
    private long octets;
    private long lastRtpTimestamp = -1;
    private long lastRtpTimestampAtNanos;

    /** For stream {@code ssrc} with RTP clock {@code clockRate}. */
    public SenderReportGenerator(long ssrc, int clockRate) {
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    /**
     * A packet was sent.
     *
     * @param rtpTimestamp   its timestamp
     * @param captureNanos   the monotonic time its media was captured (the instant the timestamp names)
     * @param payloadLength  its payload octets
     */
    public void onPacketSent(long rtpTimestamp, long captureNanos, int payloadLength) {
        packets++;
        octets += payloadLength;
        lastRtpTimestamp = rtpTimestamp & 0xFFFF_FFFFL;
        lastRtpTimestampAtNanos = captureNanos;
    }

    /** Whether anything was sent yet (before that, an endpoint sends receiver reports). */
    public boolean hasSent() {
        return lastRtpTimestamp >= 0;
    }

    /**
     * A sender report for now.
     *
     * @param nowNanos   monotonic now
     * @param epochNanos the wall clock now, nanoseconds since the Unix epoch
     */
    public SenderReport report(long nowNanos, long epochNanos, List<ReportBlock> blocks) {
        long elapsed = nowNanos - lastRtpTimestampAtNanos;
        long rtp = lastRtpTimestamp < 0 ? 0 : (lastRtpTimestamp + Math.floorDiv(elapsed * clockRate, 1_000_000_000L)) & 0xFFFF_FFFFL;
        return new SenderReport(ssrc, NtpTime.fromEpochNanos(epochNanos), rtp, packets & 0xFFFF_FFFFL,
                octets & 0xFFFF_FFFFL, blocks);
    }

    /** Packets sent. */
    public long packets() {
        return packets;
    }

    /** Payload octets sent. */
    public long octets() {
        return octets;
    }
}
