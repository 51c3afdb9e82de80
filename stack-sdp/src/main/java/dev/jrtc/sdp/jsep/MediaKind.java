package dev.jrtc.sdp.jsep;

import java.util.Locale;
import java.util.Optional;

/** The media types a WebRTC endpoint negotiates. */
public enum MediaKind {
    /** {@code m=audio}. */
    AUDIO,
    /** {@code m=video}. */
    VIDEO,
    /** {@code m=application} (data channels). */
    APPLICATION;

    /** The token used on the {@code m=} line. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named by an {@code m=} line's media field, if it is one of ours. */
    public static Optional<MediaKind> of(String media) {
        for (MediaKind k : values()) {
            if (k.token().equals(media)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
