package dev.jrtc.peerconnection.api;

import dev.jrtc.sdp.jsep.MediaKind;
import java.util.Objects;
import java.util.UUID;

/**
 * A track we send (the sending half of a W3C {@code MediaStreamTrack}): its kind and id. Frames
 * enter through the {@link RTCRtpSender} it is attached to ({@link RTCRtpSender#sendFrame}), or as raw
 * pictures through an H.264 encoder ({@link RTCRtpTransceiver#encodingVideoTrack()}).
 *
 * @param kind audio or video
 * @param id the track id
 */
public record LocalMediaTrack(MediaKind kind, String id) {

    /** Checks the fields. */
    public LocalMediaTrack {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (kind == MediaKind.APPLICATION) {
            throw new IllegalArgumentException("TypeError: a track is audio or video");
        }
    }

    /** A video track with a random id. */
    public static LocalMediaTrack video() {
        return new LocalMediaTrack(MediaKind.VIDEO, UUID.randomUUID().toString());
    }

    /** An audio track with a random id. */
    public static LocalMediaTrack audio() {
        return new LocalMediaTrack(MediaKind.AUDIO, UUID.randomUUID().toString());
    }
}
