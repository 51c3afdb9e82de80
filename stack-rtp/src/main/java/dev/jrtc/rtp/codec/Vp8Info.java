package dev.jrtc.rtp.codec;

import java.util.List;

/**
 * The VP8 payload descriptor fields of a frame (RFC 7741, section 4.2).
 *
 * @param pictureId        7- or 15-bit picture ID, or -1 when absent
 * @param tl0PicIdx        TL0PICIDX, or -1 when absent
 * @param temporalLayer    TID, or -1 when absent
 * @param layerSync        the Y bit
 * @param partitionOffsets where each partition that had its own start packet begins in the frame
 */
public record Vp8Info(int pictureId, int tl0PicIdx, int temporalLayer, boolean layerSync,
                      List<Integer> partitionOffsets) implements CodecInfo {
    /** Copies the list. */
    public Vp8Info {
        partitionOffsets = List.copyOf(partitionOffsets);
    }
}
