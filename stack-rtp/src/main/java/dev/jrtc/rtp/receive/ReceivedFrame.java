package dev.jrtc.rtp.receive;

import dev.jrtc.rtp.codec.DepacketizedFrame;

/**
 * A frame the jitter buffer assembled and released, in order.
 *
 * @param rtpTimestamp   the frame's 32-bit RTP timestamp
 * @param firstSequence  the extended sequence number of its first packet
 * @param lastSequence   the extended sequence number of its last packet
 * @param frame          the bitstream and what the depacketizer learned
 * @param completedAtNanos when its last missing packet arrived
 * @param releasedAtNanos  when the buffer let it go (completion plus any jitter hold-back)
 */
public record ReceivedFrame(long rtpTimestamp, long firstSequence, long lastSequence, DepacketizedFrame frame,
                            long completedAtNanos, long releasedAtNanos) {
    /** The frame's bytes. */
    public byte[] data() {
        return frame.data();
    }

    /** Whether the frame is a key frame. */
    public boolean keyFrame() {
        return frame.keyFrame();
    }
}
