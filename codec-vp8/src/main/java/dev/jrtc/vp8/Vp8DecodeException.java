package dev.jrtc.vp8;

import dev.jrtc.common.ParseException;

/**
 * A VP8 frame could not be decoded: it is corrupt, truncated, unsupported, or it is an inter frame
 * the decoder cannot use because it has no valid reference (no key frame yet, or an earlier error).
 *
 * <p>When {@link #needsKeyFrame()} is true, the decoder will reject inter frames until the next key
 * frame; a receiver should ask the sender for one (RTCP PLI).
 */
public final class Vp8DecodeException extends ParseException {
    private static final long serialVersionUID = 1L;

    private final boolean needsKeyFrame;

    /**
     * @param message what was wrong, for a log
     * @param needsKeyFrame whether the decoder now waits for a key frame
     */
    public Vp8DecodeException(String message, boolean needsKeyFrame) {
        super(message);
        this.needsKeyFrame = needsKeyFrame;
    }

    /** @return whether the decoder can continue only from a key frame */
    public boolean needsKeyFrame() {
        return needsKeyFrame;
    }
}
