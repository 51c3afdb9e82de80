/**
 * The receive side: jitter buffer, NACK generation, RTX repair, key-frame requests, receiver statistics and transport-wide feedback, composed by ReceiveStream.
 */
package dev.jrtc.rtp.receive;
