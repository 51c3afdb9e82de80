package dev.jrtc.srtp;

/**
 * Counters of one {@link SrtpReceiver}: packets delivered, and packets dropped per reason. It is a
 * live view, read on the thread that owns the session.
 */
public final class SrtpStats {
    private final long[] drops = new long[SrtpDropReason.values().length];
    private long rtpDelivered;
    private long rtcpDelivered;

    void drop(SrtpDropReason reason) {
        drops[reason.ordinal()]++;
    }

    void rtpDelivered() {
        rtpDelivered++;
    }

    void rtcpDelivered() {
        rtcpDelivered++;
    }

    /** SRTP packets that authenticated and were delivered. */
    public long rtpPacketsDelivered() {
        return rtpDelivered;
    }

    /** SRTCP packets that authenticated and were delivered. */
    public long rtcpPacketsDelivered() {
        return rtcpDelivered;
    }

    /** Packets (SRTP and SRTCP) dropped for {@code reason}. */
    public long dropped(SrtpDropReason reason) {
        return drops[reason.ordinal()];
    }

    /** Packets dropped for any reason. */
    public long droppedTotal() {
        long sum = 0;
        for (long d : drops) {
            sum += d;
        }
        return sum;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SrtpStats[rtp=").append(rtpDelivered).append(", rtcp=").append(rtcpDelivered);
        for (SrtpDropReason r : SrtpDropReason.values()) {
            if (drops[r.ordinal()] != 0) {
                sb.append(", ").append(r).append('=').append(drops[r.ordinal()]);
            }
        }
        return sb.append(']').toString();
    }
}
