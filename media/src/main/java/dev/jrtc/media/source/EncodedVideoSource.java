package dev.jrtc.media.source;

/**
 * Encoded video to send. {@link #next()} encodes the next frame at once and advances the RTP
 * timestamp by one frame interval (90000 / fps); the caller paces the calls, for example with a
 * scheduled executor at {@link #fps()}. Not thread-safe.
 */
public interface EncodedVideoSource {
    /** @return the next encoded frame */
    EncodedMediaFrame next();

    /** Makes the next frame a key frame (call it when the receiver sends a PLI or FIR). */
    void requestKeyFrame();

    /** @return the codec name of the frames, "H264" */
    String codec();

    /** @return picture width */
    int width();

    /** @return picture height */
    int height();

    /** @return frames per second */
    int fps();
}
