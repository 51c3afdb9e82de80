/**
 * Codec-specific rules for deciding whether two payload formats are the same codec: H.264
 * {@code profile-level-id} and {@code packetization-mode} (RFC 6184), VP9 {@code profile-id}, AV1
 * {@code profile}.
 */
package dev.jrtc.sdp.codec;
