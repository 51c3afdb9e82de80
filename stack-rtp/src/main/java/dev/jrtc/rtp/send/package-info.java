/**
 * The send side: packetization into RTP, retransmission history answered with RTX or plain resends, sender reports and transport-wide sequence numbers, composed by SendStream.
 */
package dev.jrtc.rtp.send;
