package dev.jrtc.peerconnection.engine;

/**
 * Counters of one transceiver's media.
 *
 * @param mid the transceiver
 * @param framesSent frames handed to the send stream
 * @param framesReceived frames released by the jitter buffer
 * @param retransmissionsSent packets resent in answer to NACKs
 * @param nacksSent sequence numbers NACKed
 * @param keyFrameRequestsSent PLIs or FIRs sent
 * @param retransmissionsReceived RTX packets received
 * @param packetsNotSent packets or reports produced before SRTP was ready, and dropped
 */
public record MediaStats(String mid, long framesSent, long framesReceived, long retransmissionsSent, long nacksSent,
        long keyFrameRequestsSent, long retransmissionsReceived, long packetsNotSent) {
}
