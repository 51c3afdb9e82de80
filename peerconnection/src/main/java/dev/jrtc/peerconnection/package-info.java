/**
 * RTCPeerConnection, the W3C-shaped API, composed from the sans-IO cores with Netty at the edge.
 */
package dev.jrtc.peerconnection;
