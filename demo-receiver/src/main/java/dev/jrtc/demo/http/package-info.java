/**
 * The demo's HTTP edge on Netty: the page and its WebSocket signalling, WHIP and WHEP, the
 * sessions API with snapshots and MJPEG, CORS.
 */
package dev.jrtc.demo.http;
