/**
 * SRTP and SRTCP (RFC 3711, RFC 7714), protecting in place.
 */
package dev.jrtc.srtp;
