package dev.jrtc.peerconnection.api;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The sending half of a transceiver (W3C {@code RTCRtpSender}). */
public final class RTCRtpSender {
    private final RTCRtpTransceiver transceiver;
    private volatile LocalMediaTrack track;

    RTCRtpSender(RTCRtpTransceiver transceiver, LocalMediaTrack track) {
        this.transceiver = transceiver;
        this.track = track;
    }

    /** The track attached, if any ({@code removeTrack} detaches it). */
    public Optional<LocalMediaTrack> track() {
        return Optional.ofNullable(track);
    }

    /** The transceiver this sender belongs to. */
    public RTCRtpTransceiver transceiver() {
        return transceiver;
    }

    /** Sends one encoded frame; as {@link RTCRtpTransceiver#sendFrame}. */
    public CompletableFuture<Boolean> sendFrame(byte[] frame, long rtpTimestamp) {
        return transceiver.sendFrame(frame, rtpTimestamp);
    }

    void setTrack(LocalMediaTrack t) {
        track = t;
    }
}
