package dev.jrtc.peerconnection.api;

import dev.jrtc.sdp.Direction;
import java.util.Objects;

/**
 * Options of {@link RTCPeerConnection#addTransceiver} (W3C {@code RTCRtpTransceiverInit}).
 *
 * @param direction sendrecv, sendonly, recvonly or inactive
 */
public record RTCRtpTransceiverInit(Direction direction) {
    /** Checks the field. */
    public RTCRtpTransceiverInit {
        Objects.requireNonNull(direction, "direction");
    }
}
