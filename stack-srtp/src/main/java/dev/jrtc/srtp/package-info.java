/**
 * SRTP and SRTCP (RFC 3711, RFC 7714), protecting in place.
 *
 * <p>Entry points: {@link dev.jrtc.srtp.SrtpKeys#fromDtlsExport} splits the DTLS-SRTP exporter
 * output; {@link dev.jrtc.srtp.SrtpSession} holds a {@link dev.jrtc.srtp.SrtpSender} and a
 * {@link dev.jrtc.srtp.SrtpReceiver}. Protect and unprotect work in the caller's array (protect
 * needs {@link dev.jrtc.srtp.SrtpProfile#rtpOverhead()} / {@code rtcpOverhead()} bytes of tail
 * room). Unprotect never throws for bad input: it returns a negative
 * {@link dev.jrtc.srtp.SrtpDropReason#code()} and counts it in {@link dev.jrtc.srtp.SrtpStats}.
 *
 * <p>Crypto is the JDK's (SunJCE AES and GCM, SUN SHA-1) with their CPU intrinsics; nothing here
 * uses Bouncy Castle. Encrypted header extensions (RFC 6904) are not implemented.
 */
package dev.jrtc.srtp;
