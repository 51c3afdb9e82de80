package dev.jrtc.peerconnection.api;

/**
 * A remote track appeared (W3C {@code RTCTrackEvent}).
 *
 * @param track the track; set its frame handler in the callback to see every frame
 * @param transceiver the transceiver it arrived on
 */
public record RTCTrackEvent(RemoteTrack track, RTCRtpTransceiver transceiver) {
}
