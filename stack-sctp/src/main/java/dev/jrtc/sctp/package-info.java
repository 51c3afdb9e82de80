/**
 * SCTP over DTLS (RFC 8261) and WebRTC data channels (RFC 8831, RFC 8832).
 */
package dev.jrtc.sctp;
