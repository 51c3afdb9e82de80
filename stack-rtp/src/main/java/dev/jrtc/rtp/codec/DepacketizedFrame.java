package dev.jrtc.rtp.codec;

/**
 * A frame put back together from its RTP payloads.
 *
 * @param data     the codec bitstream of the frame (owned by the receiver of this record)
 * @param keyFrame whether it can be decoded without earlier frames
 * @param info     codec-specific descriptor fields
 */
public record DepacketizedFrame(byte[] data, boolean keyFrame, CodecInfo info) {
}
