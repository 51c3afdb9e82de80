package dev.jrtc.sdp.jsep;

import dev.jrtc.sdp.Direction;
import java.util.Objects;
import java.util.Optional;

/** One m= section that {@link OfferFactory} should write, in m-line order. */
public sealed interface OfferSection permits OfferSection.Rtp, OfferSection.DataChannel {
    /** The section's mid. */
    String mid();

    /**
     * An audio or video transceiver.
     *
     * @param mid       the mid
     * @param kind      audio or video
     * @param direction the transceiver's direction
     * @param track     the track it sends, if any
     */
    record Rtp(String mid, MediaKind kind, Direction direction, Optional<LocalTrack> track) implements OfferSection {
        /** Validates. */
        public Rtp {
            OfferSection.requireMid(mid);
            Objects.requireNonNull(direction);
            if (kind == MediaKind.APPLICATION) {
                throw new IllegalArgumentException("use DataChannel for application sections");
            }
            track.ifPresent(t -> {
                if (t.kind() != kind) {
                    throw new IllegalArgumentException("a " + t.kind() + " track in a " + kind + " section");
                }
            });
        }
    }

    /**
     * The data channel section ({@code m=application ... webrtc-datachannel}).
     *
     * @param mid the mid
     */
    record DataChannel(String mid) implements OfferSection {
        /** Validates. */
        public DataChannel {
            OfferSection.requireMid(mid);
        }
    }

    private static void requireMid(String mid) {
        if (mid == null || mid.isEmpty() || mid.contains(" ")) {
            throw new IllegalArgumentException("a mid must be a non-empty token");
        }
    }
}
