/**
 * DTLS-SRTP (RFC 5764) behind a sans-IO engine interface, implemented with Bouncy Castle.
 */
package dev.jrtc.dtls;
