package dev.jrtc.rtp.codec;

import dev.jrtc.common.ParseException;

/**
 * Turns the RTP payloads of one frame back into the codec's bitstream. A depacketizer also tells
 * the jitter buffer where frames begin and end, from the payload alone, so the buffer itself stays
 * codec-agnostic.
 *
 * <p>Implementations never throw anything but {@link ParseException} for bad payloads.
 */
public interface Depacketizer {
    /**
     * Whether this payload certainly begins a frame. {@code false} means "not known": the buffer
     * then decides by continuity with the previous frame (H.264 has no begin flag).
     */
    boolean startsFrame(byte[] buf, int off, int len);

    /**
     * Whether this payload begins a frame that decodes without earlier ones (a key frame). A
     * receiver that joins on a delta frame knows the key frame before it was lost. The default,
     * for codecs that cannot tell from one payload, is {@link #startsFrame}.
     */
    default boolean startsKeyFrame(byte[] buf, int off, int len) {
        return startsFrame(buf, off, len);
    }

    /** Whether this payload ends its frame; video codecs use the RTP marker bit. */
    boolean endsFrame(byte[] buf, int off, int len, boolean marker);

    /**
     * Assembles one frame from its payloads, in order.
     *
     * @throws ParseException if a payload is malformed or the frame is incomplete
     */
    DepacketizedFrame depacketize(PayloadSequence payloads) throws ParseException;
}
