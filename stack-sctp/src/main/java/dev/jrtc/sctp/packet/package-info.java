/**
 * The SCTP wire format: the common header and chunks (RFC 9260 §3, RFC 3758, RFC 6525, RFC 8260), a
 * bounds-checked parser, a packet writer and the CRC32c checksum.
 */
package dev.jrtc.sctp.packet;
