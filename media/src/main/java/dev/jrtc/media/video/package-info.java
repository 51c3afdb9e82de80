/**
 * Decoded pictures ({@link dev.jrtc.media.video.I420Frame}, BT.601 conversion, JPEG/PNG), video
 * decoders for VP8 (codec-vp8) and H.264 (jcodec, checked against ffmpeg), and the bounded
 * {@link dev.jrtc.media.video.DecodePool} that runs them off the network loop.
 */
package dev.jrtc.media.video;
