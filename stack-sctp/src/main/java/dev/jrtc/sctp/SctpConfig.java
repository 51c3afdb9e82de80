package dev.jrtc.sctp;

/**
 * Settings of one association. {@link #defaults()} follows RFC 9260 §16 and WebRTC practice
 * (RFC 8831, RFC 8841); the {@code with...} methods return changed copies.
 *
 * @param localPort our SCTP port (the SDP {@code a=sctp-port}, 5000 by default)
 * @param remotePort the peer's SCTP port
 * @param maxPacketSize the largest SCTP packet built (common header and chunks); DTLS and UDP
 *     headers come on top, so 1200 keeps a datagram under any path MTU in practice
 * @param receiveWindow bytes this side buffers for reassembly and reordering (its a_rwnd)
 * @param streams how many streams we accept and ask for (both directions)
 * @param rtoInitialNanos RTO.Initial (§6.3.1)
 * @param rtoMinNanos RTO.Min
 * @param rtoMaxNanos RTO.Max
 * @param maxBurst Max.Burst: packets of new data per input (§6.1)
 * @param maxRetransmissions Association.Max.Retrans: consecutive timeouts before giving up
 * @param maxInitRetransmissions Max.Init.Retransmits
 * @param delayedAckNanos the longest a SACK may wait (§6.2, 200 ms)
 * @param heartbeatIntervalNanos HB.interval (§8.3)
 * @param cookieLifetimeNanos Valid.Cookie.Life (§5.1.3)
 * @param interleaving offer I-DATA (RFC 8260); used when the peer offers it too
 * @param partialReliability offer FORWARD TSN (RFC 3758)
 * @param localMaxMessageSize the largest message we accept (our SDP {@code a=max-message-size})
 * @param remoteMaxMessageSize the largest message the peer accepts (its {@code a=max-message-size};
 *     RFC 8841 §6.1: 64 KiB when it sends none, 0 means no limit)
 */
public record SctpConfig(int localPort, int remotePort, int maxPacketSize, long receiveWindow, int streams,
        long rtoInitialNanos, long rtoMinNanos, long rtoMaxNanos, int maxBurst, int maxRetransmissions,
        int maxInitRetransmissions, long delayedAckNanos, long heartbeatIntervalNanos, long cookieLifetimeNanos,
        boolean interleaving, boolean partialReliability, long localMaxMessageSize, long remoteMaxMessageSize) {

    private static final long MS = 1_000_000L;

    public SctpConfig {
        if (maxPacketSize < 256 || maxPacketSize > 65535) {
            throw new IllegalArgumentException("maxPacketSize " + maxPacketSize);
        }
        if (receiveWindow < 4 * maxPacketSize) {
            throw new IllegalArgumentException("receiveWindow " + receiveWindow + " is below four packets");
        }
        if (streams < 1 || streams > 65535) {
            throw new IllegalArgumentException("streams " + streams);
        }
    }

    /** RFC 9260 §16 timers, 1200-byte packets, a 1 MiB window, 65535 streams, I-DATA and PR offered. */
    public static SctpConfig defaults() {
        return new SctpConfig(5000, 5000, 1200, 1 << 20, 65535, 1000 * MS, 1000 * MS, 60_000 * MS, 4, 10, 8,
                200 * MS, 30_000 * MS, 60_000 * MS, true, true, 256 * 1024, 64 * 1024);
    }

    public SctpConfig withPorts(int local, int remote) {
        return new SctpConfig(local, remote, maxPacketSize, receiveWindow, streams, rtoInitialNanos, rtoMinNanos,
                rtoMaxNanos, maxBurst, maxRetransmissions, maxInitRetransmissions, delayedAckNanos,
                heartbeatIntervalNanos, cookieLifetimeNanos, interleaving, partialReliability, localMaxMessageSize,
                remoteMaxMessageSize);
    }

    /**
     * The largest SCTP packet (what one DTLS record may carry). Chunks are padded to 4 bytes, so a
     * size that is not a multiple of 4 is used rounded down.
     */
    public SctpConfig withMaxPacketSize(int size) {
        return new SctpConfig(localPort, remotePort, size, receiveWindow, streams, rtoInitialNanos, rtoMinNanos,
                rtoMaxNanos, maxBurst, maxRetransmissions, maxInitRetransmissions, delayedAckNanos,
                heartbeatIntervalNanos, cookieLifetimeNanos, interleaving, partialReliability, localMaxMessageSize,
                remoteMaxMessageSize);
    }

    public SctpConfig withReceiveWindow(long window) {
        return new SctpConfig(localPort, remotePort, maxPacketSize, window, streams, rtoInitialNanos, rtoMinNanos,
                rtoMaxNanos, maxBurst, maxRetransmissions, maxInitRetransmissions, delayedAckNanos,
                heartbeatIntervalNanos, cookieLifetimeNanos, interleaving, partialReliability, localMaxMessageSize,
                remoteMaxMessageSize);
    }

    public SctpConfig withRto(long initialNanos, long minNanos, long maxNanos) {
        return new SctpConfig(localPort, remotePort, maxPacketSize, receiveWindow, streams, initialNanos, minNanos,
                maxNanos, maxBurst, maxRetransmissions, maxInitRetransmissions, delayedAckNanos,
                heartbeatIntervalNanos, cookieLifetimeNanos, interleaving, partialReliability, localMaxMessageSize,
                remoteMaxMessageSize);
    }

    public SctpConfig withInterleaving(boolean on) {
        return new SctpConfig(localPort, remotePort, maxPacketSize, receiveWindow, streams, rtoInitialNanos,
                rtoMinNanos, rtoMaxNanos, maxBurst, maxRetransmissions, maxInitRetransmissions, delayedAckNanos,
                heartbeatIntervalNanos, cookieLifetimeNanos, on, partialReliability, localMaxMessageSize,
                remoteMaxMessageSize);
    }

    public SctpConfig withPartialReliability(boolean on) {
        return new SctpConfig(localPort, remotePort, maxPacketSize, receiveWindow, streams, rtoInitialNanos,
                rtoMinNanos, rtoMaxNanos, maxBurst, maxRetransmissions, maxInitRetransmissions, delayedAckNanos,
                heartbeatIntervalNanos, cookieLifetimeNanos, interleaving, on, localMaxMessageSize,
                remoteMaxMessageSize);
    }

    public SctpConfig withMaxMessageSize(long local, long remote) {
        return new SctpConfig(localPort, remotePort, maxPacketSize, receiveWindow, streams, rtoInitialNanos,
                rtoMinNanos, rtoMaxNanos, maxBurst, maxRetransmissions, maxInitRetransmissions, delayedAckNanos,
                heartbeatIntervalNanos, cookieLifetimeNanos, interleaving, partialReliability, local, remote);
    }

    public SctpConfig withHeartbeatInterval(long nanos) {
        return new SctpConfig(localPort, remotePort, maxPacketSize, receiveWindow, streams, rtoInitialNanos,
                rtoMinNanos, rtoMaxNanos, maxBurst, maxRetransmissions, maxInitRetransmissions, delayedAckNanos,
                nanos, cookieLifetimeNanos, interleaving, partialReliability, localMaxMessageSize,
                remoteMaxMessageSize);
    }

    public SctpConfig withCookieLifetime(long nanos) {
        return new SctpConfig(localPort, remotePort, maxPacketSize, receiveWindow, streams, rtoInitialNanos,
                rtoMinNanos, rtoMaxNanos, maxBurst, maxRetransmissions, maxInitRetransmissions, delayedAckNanos,
                heartbeatIntervalNanos, nanos, interleaving, partialReliability, localMaxMessageSize,
                remoteMaxMessageSize);
    }
}
