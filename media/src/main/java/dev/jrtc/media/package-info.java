/**
 * Media frames and codecs: VP8 (ours), H.264 (jcodec), Opus (Concentus), test sources and recorders.
 */
package dev.jrtc.media;
