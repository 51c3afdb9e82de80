/**
 * Typed RTP header extensions (RFC 8285 elements) mapped from SDP extmap ids: MID, RID, repaired RID, abs-send-time, transport-wide sequence number, audio level (RFC 6464), video orientation and playout delay.
 */
package dev.jrtc.rtp.ext;
