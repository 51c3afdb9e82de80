package dev.jrtc.media.video;

/**
 * Counters of one {@link DecodeStream}, a snapshot.
 *
 * @param framesDecoded frames that decoded without error
 * @param keyFramesDecoded of those, key frames
 * @param framesDropped frames not decoded: dropped for overload, or while waiting for a key frame
 * @param decodeErrors frames the decoder rejected as corrupt or unsupported
 * @param keyFramesRequested how often the stream asked for a key frame
 * @param width width of the last picture, 0 before the first
 * @param height height of the last picture, 0 before the first
 */
public record DecodeStats(long framesDecoded, long keyFramesDecoded, long framesDropped, long decodeErrors,
        long keyFramesRequested, int width, int height) {
}
