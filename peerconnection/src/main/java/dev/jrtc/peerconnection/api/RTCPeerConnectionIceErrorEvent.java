package dev.jrtc.peerconnection.api;

/**
 * A STUN or TURN server failed while gathering (W3C {@code RTCPeerConnectionIceErrorEvent}).
 *
 * @param address the local address the request was sent from, or null
 * @param port that address's port, or null
 * @param url the server's URL
 * @param errorCode 701 when the server could not be reached, else the STUN error code (e.g. 401)
 * @param errorText what happened
 */
public record RTCPeerConnectionIceErrorEvent(String address, Integer port, String url, int errorCode,
        String errorText) {
}
