package dev.jrtc.media.record;

/**
 * What the Matroska writer needs to know about a video codec: its CodecID, which frames are key
 * frames, the picture size and CodecPrivate (read from the first key frame), and how a frame is
 * stored in a block.
 */
sealed interface MatroskaVideo permits Vp8MatroskaVideo, AvcMatroskaVideo {
    /** The Matroska CodecID, e.g. {@code V_VP8}. */
    String codecId();

    /** @return whether the frame can be decoded on its own (read from the bitstream, not trusted from RTP) */
    boolean isKeyFrame(byte[] frame);

    /**
     * Takes the picture size and codec setup from the first key frame.
     *
     * @return false if this key frame cannot start the track (the writer waits for another)
     */
    boolean configure(byte[] keyFrame);

    int width();

    int height();

    /** @return the CodecPrivate data, empty if the codec has none */
    byte[] codecPrivate();

    /** @return the frame as a block stores it */
    byte[] blockData(byte[] frame);

    /** A fresh instance for a codec name as the SDP gives it ({@code VP8}, {@code H264}). */
    static MatroskaVideo forCodec(String canonicalName) {
        return switch (canonicalName) {
            case "VP8" -> new Vp8MatroskaVideo();
            case "H264" -> new AvcMatroskaVideo();
            default -> throw new dev.jrtc.media.UnsupportedCodecException(canonicalName, "VP8, H264");
        };
    }
}
