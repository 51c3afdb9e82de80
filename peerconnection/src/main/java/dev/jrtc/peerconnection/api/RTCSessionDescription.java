package dev.jrtc.peerconnection.api;

import dev.jrtc.peerconnection.engine.SdpType;
import java.util.Objects;

/**
 * A session description as signalled (W3C {@code RTCSessionDescriptionInit}).
 *
 * @param type offer or answer
 * @param sdp the SDP text
 */
public record RTCSessionDescription(SdpType type, String sdp) {
    /** Checks the fields. */
    public RTCSessionDescription {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sdp, "sdp");
    }
}
