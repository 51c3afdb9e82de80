/**
 * SDP (RFC 8866) model, parser and writer, and the JSEP offer/answer rules (RFC 9429).
 */
package dev.jrtc.sdp;
