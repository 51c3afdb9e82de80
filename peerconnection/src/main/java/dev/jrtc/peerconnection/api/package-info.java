/**
 * The W3C-shaped API: {@link dev.jrtc.peerconnection.api.RTCPeerConnection} and its value types.
 * Every call is marshalled onto the connection's own event loop; asynchronous ones return
 * {@link java.util.concurrent.CompletableFuture}. Callbacks run on that loop unless
 * {@link dev.jrtc.peerconnection.api.RTCConfiguration#callbackExecutor()} says otherwise, so they
 * must not block.
 */
package dev.jrtc.peerconnection.api;
