package dev.jrtc.sctp.packet;

/**
 * The fixed fields and the parameters this stack uses of an INIT or INIT-ACK chunk
 * (RFC 9260 §3.3.2, §3.3.3). Parameters it does not use (addresses, AUTH, ECN) are skipped on parse.
 *
 * @param initiateTag the tag the sender wants to see in packets sent to it; never zero
 * @param advertisedReceiverWindow the sender's initial a_rwnd in bytes
 * @param outboundStreams how many streams the sender wants to send on
 * @param inboundStreams how many streams the sender accepts
 * @param initialTsn the TSN of the sender's first DATA chunk
 * @param extensions features announced
 * @param stateCookie the State Cookie (INIT-ACK only, else {@code null})
 */
public record InitParams(long initiateTag, long advertisedReceiverWindow, int outboundStreams, int inboundStreams,
        long initialTsn, Extensions extensions, byte[] stateCookie) {
}
