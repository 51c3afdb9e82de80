/**
 * SDP (RFC 8866) model, parser and writer, and the JSEP offer/answer rules (RFC 9429).
 *
 * <p>The model keeps every line as the text it was read with ({@link dev.jrtc.sdp.TextLine},
 * {@link dev.jrtc.sdp.Attribute}), so parse-then-write is byte-exact. Typed views
 * ({@link dev.jrtc.sdp.RtpMap}, {@link dev.jrtc.sdp.Candidate}, {@link dev.jrtc.sdp.RtpCodec}, ...)
 * are read from that text on demand through {@link dev.jrtc.sdp.AttributeList}. Every attribute that
 * has a typed view is checked when an SDP is parsed or a section is built, so a malformed one is a
 * {@link dev.jrtc.common.ParseException} naming its line, and the typed views never throw.
 * Attributes and line types without a typed view are kept, unjudged. Parsing is bounded by
 * {@link dev.jrtc.sdp.SdpLimits}.
 */
package dev.jrtc.sdp;
