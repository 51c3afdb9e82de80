package dev.jrtc.sdp.jsep;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A local track to announce: written as {@code a=msid:<stream> <track>} and, when SSRCs are given,
 * {@code a=ssrc} lines (with {@code a=ssrc-group:FID} for the RTX SSRC).
 *
 * @param kind     audio or video
 * @param streamId the MediaStream id ({@code -} for none)
 * @param trackId  the track id
 * @param ssrc     the media SSRC, if already chosen
 * @param rtxSsrc  the RTX SSRC, if already chosen (only used with {@code ssrc})
 */
public record LocalTrack(MediaKind kind, String streamId, String trackId, OptionalLong ssrc, OptionalLong rtxSsrc) {
    /** Validates. */
    public LocalTrack {
        Objects.requireNonNull(kind);
        if (kind == MediaKind.APPLICATION) {
            throw new IllegalArgumentException("a track is audio or video");
        }
        if (streamId.isEmpty() || trackId.isEmpty() || streamId.contains(" ") || trackId.contains(" ")) {
            throw new IllegalArgumentException("stream and track ids must be non-empty and have no spaces");
        }
        if (rtxSsrc.isPresent() && ssrc.isEmpty()) {
            throw new IllegalArgumentException("an RTX SSRC needs a media SSRC");
        }
    }

    /** A track without SSRCs. */
    public static LocalTrack of(MediaKind kind, String streamId, String trackId) {
        return new LocalTrack(kind, streamId, trackId, OptionalLong.empty(), OptionalLong.empty());
    }

    /** This track with a media SSRC and an RTX SSRC. */
    public LocalTrack withSsrcs(long mediaSsrc, long retransmissionSsrc) {
        return new LocalTrack(kind, streamId, trackId, OptionalLong.of(mediaSsrc), OptionalLong.of(retransmissionSsrc));
    }

    /** This track with a media SSRC only. */
    public LocalTrack withSsrc(long mediaSsrc) {
        return new LocalTrack(kind, streamId, trackId, OptionalLong.of(mediaSsrc), OptionalLong.empty());
    }
}
