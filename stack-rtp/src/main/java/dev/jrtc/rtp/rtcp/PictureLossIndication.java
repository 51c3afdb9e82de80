package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteWriter;

/**
 * Picture loss indication (RFC 4585, section 6.3.1): payload-specific feedback, FMT 1, asking the
 * sender for a key frame.
 *
 * @param senderSsrc who asks
 * @param mediaSsrc  the stream that needs a key frame
 */
public record PictureLossIndication(long senderSsrc, long mediaSsrc) implements RtcpPacket {
    static final int FORMAT = 1;

    @Override
    public int encodedLength() {
        return 12;
    }

    @Override
    public void write(ByteWriter w) {
        RtcpHeader.write(w, FORMAT, RtcpHeader.PSFB, 12);
        w.u32(senderSsrc).u32(mediaSsrc);
    }
}
