package dev.jrtc.peerconnection.netty;

/**
 * Watches how long the edge takes with each received datagram, for load measurements. Called on the
 * connection's loop for every datagram, so it must be cheap and must not block.
 */
@FunctionalInterface
public interface ReceiveProbe {
    /**
     * One datagram was handled.
     *
     * @param readNanos {@link System#nanoTime()} when the read that brought it from the socket began
     *     (datagrams read in one batch share it, so the wait behind the earlier ones counts)
     * @param handledNanos {@link System#nanoTime()} when the engine returned from it: an RTP packet
     *     has then been decrypted and handed to its jitter buffer
     * @param firstByte the datagram's first byte (RFC 7983: 128..191 is RTP or RTCP)
     * @param secondByte its second byte (with the first, tells RTP from RTCP), or 0 if it has none
     */
    void handled(long readNanos, long handledNanos, int firstByte, int secondByte);
}
