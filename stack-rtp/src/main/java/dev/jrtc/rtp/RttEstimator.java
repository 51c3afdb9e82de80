package dev.jrtc.rtp;

/**
 * Round-trip time from echoed report timestamps (RFC 3550, section 6.4.1; RFC 3611, section 4.5).
 * It remembers when each of its recent reports (SR or XR RRTR) left, keyed by the compact NTP time
 * they carried, so the echo (LSR/DLSR or a DLRR item) is timed with the monotonic clock only:
 * {@code rtt = arrival - sent - delay at the peer}. The wall clock may jump without harm.
 */
public final class RttEstimator {
    private static final int REMEMBERED = 16;
    private final long[] compactSent = new long[REMEMBERED];
    private final long[] sentAtNanos = new long[REMEMBERED];
    private int next;
    private int stored;
    private long latestNanos = -1;
    private long smoothedNanos = -1;

    /** Records that a report carrying {@code ntpTimestamp} left at {@code nowNanos}. */
    public void onReportSent(long ntpTimestamp, long nowNanos) {
        compactSent[next] = NtpTime.compact(ntpTimestamp);
        sentAtNanos[next] = nowNanos;
        next = (next + 1) % REMEMBERED;
        stored = Math.min(stored + 1, REMEMBERED);
    }

    /**
     * An echo arrived: {@code lastReport} is the compact time of our report it refers to, and
     * {@code delay} the peer's hold time in 1/65536 s.
     *
     * @return the measured RTT in nanoseconds, or -1 if the echo names no report we remember
     */
    public long onEcho(long lastReport, long delay, long nowNanos) {
        if (lastReport == 0) {
            return -1; // the peer has not seen a report from us yet
        }
        for (int i = 0; i < stored; i++) {
            if (compactSent[i] == lastReport) {
                long rtt = nowNanos - sentAtNanos[i] - NtpTime.fromCompactDuration(delay);
                if (rtt < 0) {
                    rtt = 0; // rounding of the delay field can overshoot a tiny RTT
                }
                latestNanos = rtt;
                smoothedNanos = smoothedNanos < 0 ? rtt : (7 * smoothedNanos + rtt) / 8;
                return rtt;
            }
        }
        return -1;
    }

    /** The latest measurement, or -1. */
    public long latestNanos() {
        return latestNanos;
    }

    /** An exponentially smoothed RTT, or {@code fallbackNanos} before the first measurement. */
    public long smoothedNanos(long fallbackNanos) {
        return smoothedNanos < 0 ? fallbackNanos : smoothedNanos;
    }
}
