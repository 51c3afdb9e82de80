/**
 * The JSEP offer/answer rules (RFC 9429) that {@code RTCPeerConnection} needs: building an offer
 * from local transceivers, and answering a remote offer from local capabilities.
 */
package dev.jrtc.sdp.jsep;
