/**
 * The Netty edge: event loops shared by many connections (each connection pinned to one), UDP
 * channels and one timer per connection, and the pool that runs Bouncy Castle's blocking DTLS
 * handshakes. Only this package touches sockets and threads.
 */
package dev.jrtc.peerconnection.netty;
