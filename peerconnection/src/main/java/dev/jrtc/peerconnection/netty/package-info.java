/**
 * The Netty edge: one NIO event loop, UDP channels and one timer per connection, and the thread
 * that runs Bouncy Castle's blocking DTLS handshake. Only this package touches sockets and threads.
 */
package dev.jrtc.peerconnection.netty;
