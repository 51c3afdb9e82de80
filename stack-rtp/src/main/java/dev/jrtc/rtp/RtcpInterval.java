package dev.jrtc.rtp;

import dev.jrtc.common.RandomSource;
import java.util.Objects;

/**
 * When the next regular RTCP report is due: the interval of RFC 3550, section 6.3.1, from the RTCP
 * bandwidth, the average compound size (section 6.3.3) and the session's members and senders,
 * never below a minimum, then randomized to between 0.5 and 1.5 times itself and divided by
 * {@code e - 3/2}, so that reports of many participants do not synchronise and the timer
 * reconsideration of the RFC keeps the mean on target.
 *
 * <p>The minimum is one of:
 * <ul>
 *   <li>{@link Minimum#RFC3550}: 5 s, 2.5 s before the first report (section 6.2);</li>
 *   <li>{@link Minimum#REDUCED}: the reduced minimum of section 6.2, 360 s divided by the session
 *       bandwidth in kbit/s (under 5 s above 72 kbit/s); a unicast session may send its first
 *       report without waiting;</li>
 *   <li>{@link Minimum#AVPF}: the feedback profile (RFC 4585, section 3.4), which drops the fixed
 *       minimum so that the bandwidth share alone sets the pace: 1 s before the first report, none
 *       after it.</li>
 * </ul>
 *
 * <p>Sans-IO: randomness comes from the {@link RandomSource} given; the caller keeps the time.
 */
public final class RtcpInterval {
    /** Which minimum interval applies. */
    public enum Minimum { RFC3550, REDUCED, AVPF }

    /** {@code e - 3/2}: compensates for the timer reconsideration of RFC 3550, section 6.3.1. */
    public static final double COMPENSATION = Math.E - 1.5;
    /** IPv4 and UDP headers, counted in the average size as section 6.3.3 asks. */
    static final int LOWER_LAYER_BYTES = 28;
    /** The share of the RTCP bandwidth that senders get when they are few (section 6.2). */
    private static final double SENDER_SHARE = 0.25;
    private static final long SECOND = 1_000_000_000L;

    private final double rtcpBytesPerSecond;
    private final long sessionBitsPerSecond;
    private final Minimum minimum;
    private final RandomSource random;
    private double averageSize;

    /**
     * @param sessionBitsPerSecond the session bandwidth; RTCP gets 5% of it (section 6.2)
     * @param minimum              the minimum interval rule
     * @param firstReportBytes     the expected size of our first compound, before any is seen
     * @param random               for the randomization
     */
    public RtcpInterval(long sessionBitsPerSecond, Minimum minimum, int firstReportBytes, RandomSource random) {
        if (sessionBitsPerSecond <= 0) {
            throw new IllegalArgumentException("session bandwidth must be positive, got " + sessionBitsPerSecond);
        }
        if (firstReportBytes <= 0) {
            throw new IllegalArgumentException("first report size must be positive, got " + firstReportBytes);
        }
        this.sessionBitsPerSecond = sessionBitsPerSecond;
        this.rtcpBytesPerSecond = sessionBitsPerSecond * 0.05 / 8;
        this.minimum = Objects.requireNonNull(minimum, "minimum");
        this.random = Objects.requireNonNull(random, "random");
        this.averageSize = firstReportBytes + LOWER_LAYER_BYTES;
    }

    /** A compound RTCP packet of {@code bytes} (before SRTCP) was sent or received. */
    public void onCompound(int bytes) {
        averageSize += ((bytes + LOWER_LAYER_BYTES) - averageSize) / 16;
    }

    /** The running average compound size, lower layers included (section 6.3.3). */
    public double averageSizeBytes() {
        return averageSize;
    }

    /**
     * The deterministic interval Td of section 6.3.1, in nanoseconds.
     *
     * @param members all participants, us included (2 in a one-to-one call)
     * @param senders those that sent RTP since the last report but one
     * @param weSent  whether we are one of the senders
     * @param initial whether we have not sent a report yet
     */
    public long deterministicNanos(int members, int senders, boolean weSent, boolean initial) {
        if (members < 1 || senders < 0 || senders > members) {
            throw new IllegalArgumentException("members " + members + ", senders " + senders);
        }
        double perMemberSeconds = averageSize / rtcpBytesPerSecond;
        int n = members;
        if (senders > 0 && senders <= members * SENDER_SHARE) {
            // Few senders get a quarter of the bandwidth among themselves, the receivers the rest.
            if (weSent) {
                perMemberSeconds = averageSize / (SENDER_SHARE * rtcpBytesPerSecond);
                n = senders;
            } else {
                perMemberSeconds = averageSize / ((1 - SENDER_SHARE) * rtcpBytesPerSecond);
                n = members - senders;
            }
        }
        long share = (long) (n * perMemberSeconds * SECOND);
        return Math.max(minimumNanos(initial), share);
    }

    /** The randomized interval until the next report, in nanoseconds; arguments as for {@link #deterministicNanos}. */
    public long nextNanos(int members, int senders, boolean weSent, boolean initial) {
        long td = deterministicNanos(members, senders, weSent, initial);
        // A uniform factor in [0.5, 1.5) from 53 random bits.
        double factor = 0.5 + (random.nextLong() >>> 11) * 0x1.0p-53;
        return (long) (td * factor / COMPENSATION);
    }

    /** The minimum interval that applies now. */
    public long minimumNanos(boolean initial) {
        return switch (minimum) {
            case RFC3550 -> initial ? 5 * SECOND / 2 : 5 * SECOND;
            case REDUCED -> initial ? 0 : 360L * SECOND * 1000 / sessionBitsPerSecond;
            case AVPF -> initial ? SECOND : 0;
        };
    }
}
