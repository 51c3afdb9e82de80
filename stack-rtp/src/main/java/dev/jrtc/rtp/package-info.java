/**
 * RTP and RTCP, packetizers and depacketizers, the jitter buffer, NACK, RTX and key-frame requests.
 */
package dev.jrtc.rtp;
