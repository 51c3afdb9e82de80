/**
 * Decoding received video on the media module's pool and serving the latest picture as JPEG.
 */
package dev.jrtc.demo.video;
