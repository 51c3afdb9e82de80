/**
 * DTLS-SRTP (RFC 5764) behind a sans-IO engine interface, implemented with Bouncy Castle.
 *
 * <p>SRTP profiles and keys are stack-srtp's types: {@link dev.jrtc.dtls.DtlsConfig} offers
 * {@link dev.jrtc.srtp.SrtpProfile}s, and {@link dev.jrtc.dtls.DtlsEvent.SrtpKeysExported} carries
 * the negotiated profile's {@link dev.jrtc.srtp.SrtpKeys}, ready for
 * {@link dev.jrtc.srtp.SrtpSession#create}.
 */
package dev.jrtc.dtls;
