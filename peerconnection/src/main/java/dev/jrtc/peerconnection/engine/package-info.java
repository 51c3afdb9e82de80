/**
 * The sans-IO composition of one peer connection: demux and source gate, then ICE | DTLS | SRTP,
 * then RTP/RTCP per transceiver. Inputs are datagrams, time and API commands; outputs come from
 * {@link dev.jrtc.peerconnection.engine.PeerConnectionEngine#poll()}. Nothing here opens a socket,
 * starts a thread or reads a clock; the Netty edge and the tests drive it.
 */
package dev.jrtc.peerconnection.engine;
