package dev.jrtc.media.video;

/**
 * An encoded frame could not be decoded. When {@link #needsKeyFrame()} is true the decoder has no
 * usable reference and will only continue from a key frame; a receiver should send a PLI.
 */
public class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean needsKeyFrame;

    /**
     * @param message what went wrong, for a log
     * @param needsKeyFrame whether only a key frame can be decoded next
     * @param cause the codec's own error, or {@code null}
     */
    public DecodeException(String message, boolean needsKeyFrame, Throwable cause) {
        super(message, cause);
        this.needsKeyFrame = needsKeyFrame;
    }

    /** @return whether the decoder can continue only from a key frame */
    public boolean needsKeyFrame() {
        return needsKeyFrame;
    }
}
