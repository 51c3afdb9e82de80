package dev.jrtc.peerconnection.api;

import java.util.Optional;

/** The receiving half of a transceiver (W3C {@code RTCRtpReceiver}). */
public final class RTCRtpReceiver {
    private final RTCRtpTransceiver transceiver;
    private volatile RemoteTrack track;

    RTCRtpReceiver(RTCRtpTransceiver transceiver) {
        this.transceiver = transceiver;
    }

    /** The remote track, once the peer's description made one (it may have ended since). */
    public Optional<RemoteTrack> track() {
        return Optional.ofNullable(track);
    }

    /** The transceiver this receiver belongs to. */
    public RTCRtpTransceiver transceiver() {
        return transceiver;
    }

    /** Asks the peer for a key frame (PLI). */
    public void requestKeyFrame() {
        transceiver.requestKeyFrame();
    }

    void setTrack(RemoteTrack t) {
        track = t;
    }
}
