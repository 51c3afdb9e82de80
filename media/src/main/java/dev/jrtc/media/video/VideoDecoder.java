package dev.jrtc.media.video;

import dev.jrtc.media.UnsupportedCodecException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns encoded video frames (as depacketized from RTP) into pictures. One instance per stream;
 * not thread-safe. Decoders never throw anything but {@link DecodeException} for bad input.
 *
 * <p>A codec that reorders pictures (H.264 with B-frames) can have more than one picture ready
 * after a frame: {@link #decode} returns the first and {@link #nextFrame()} the others, and
 * {@link #flush()} releases pictures held for reordering at the end of a stream.
 */
public interface VideoDecoder extends AutoCloseable {

    /**
     * Decodes one frame: a VP8 frame, or an H.264 access unit in Annex B form.
     *
     * @param encodedFrame the frame's bytes; not kept after the call
     * @param rtpTimestamp copied into the picture decoded from this frame
     * @param keyFrame whether the depacketizer saw a key frame (a hint; the bitstream decides)
     * @return the next picture to display, or empty if this frame shows none (yet)
     * @throws DecodeException if the frame cannot be decoded; see {@link DecodeException#needsKeyFrame()}
     */
    Optional<I420Frame> decode(byte[] encodedFrame, long rtpTimestamp, boolean keyFrame) throws DecodeException;

    /** @return a further picture that became ready during the last {@link #decode}, or empty */
    default Optional<I420Frame> nextFrame() {
        return Optional.empty();
    }

    /** Makes every picture held for reordering ready; take them with {@link #nextFrame()}. */
    default void flush() {
    }

    /** @return whether only a key frame can be decoded next (the receiver should send a PLI) */
    boolean needsKeyFrame();

    /** @return the codec name, upper case ("VP8", "H264") */
    String codec();

    /** Releases the decoder's memory. */
    @Override
    void close();

    /**
     * @param codecName "VP8" or "H264" (case-insensitive; "H.264" and "AVC" are accepted too)
     * @return a new decoder
     * @throws UnsupportedCodecException for any other name
     */
    static VideoDecoder forCodec(String codecName) {
        return switch (canonicalName(codecName)) {
            case "VP8" -> new Vp8VideoDecoder();
            case "H264" -> new H264VideoDecoder();
            default -> throw new UnsupportedCodecException(codecName, "VP8, H264");
        };
    }

    /**
     * @return the upper-case name used by this module for a codec name from SDP or the user
     *     ("h264", "H.264", "avc" all give "H264"); other names are only upper-cased
     */
    static String canonicalName(String codecName) {
        String n = codecName.trim().toUpperCase(Locale.ROOT);
        return switch (n) {
            case "H.264", "AVC" -> "H264";
            default -> n;
        };
    }
}
