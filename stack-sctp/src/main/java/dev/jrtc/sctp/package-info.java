/**
 * SCTP over DTLS (RFC 8261) and WebRTC data channels (RFC 8831, RFC 8832), sans-IO. Start at
 * {@link dev.jrtc.sctp.SctpAssociation}: packets and time in; packets, {@link dev.jrtc.sctp.SctpEvent}s
 * and a deadline out. {@link dev.jrtc.sctp.DataChannel} is the core object behind the W3C
 * {@code RTCDataChannel}.
 */
package dev.jrtc.sctp;
