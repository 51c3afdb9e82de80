/**
 * RTP and RTCP for jrtc, sans-IO: the zero-copy {@link dev.jrtc.rtp.RtpPacket} view and
 * {@link dev.jrtc.rtp.RtpHeader} writer, sequence and timestamp unwrapping, NTP time, RTT from
 * echoed reports, drop counters and the events the stream cores emit. Subpackages hold the header
 * extensions, RTCP, payload formats, and the receive and send sides.
 */
package dev.jrtc.rtp;
