/**
 * Encoded media to send: a moving H.264 test pattern, user pictures as H.264 (both through
 * jcodec's encoder), and an Opus tone (Concentus).
 */
package dev.jrtc.media.source;
