/**
 * A pure-Java VP8 decoder (RFC 6386).
 */
package dev.jrtc.vp8;
