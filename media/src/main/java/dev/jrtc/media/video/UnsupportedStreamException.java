package dev.jrtc.media.video;

/**
 * The stream uses a feature the decoder does not implement (for H.264 through jcodec: interlace,
 * constrained intra prediction, 4:2:2/4:4:4 chroma, high bit depth, scaling lists, slice groups,
 * ...). The frame is not decoded rather than decoded wrongly. Decoding resumes only at a key frame
 * whose parameter sets are supported.
 */
public final class UnsupportedStreamException extends DecodeException {
    private static final long serialVersionUID = 1L;

    /** @param feature the unsupported feature, named for a person reading a log */
    public UnsupportedStreamException(String feature) {
        super("unsupported stream: " + feature, true, null);
    }
}
