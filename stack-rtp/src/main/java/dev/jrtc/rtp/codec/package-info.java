/**
 * Packetizers and depacketizers per payload format: VP8 (RFC 7741), H.264 (RFC 6184), VP9 (RFC 9628), AV1, Opus (RFC 7587) and G.711.
 */
package dev.jrtc.rtp.codec;
