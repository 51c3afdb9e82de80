package dev.jrtc.rtp.receive;

import dev.jrtc.common.ParseException;
import dev.jrtc.rtp.RtpPacket;

/**
 * Restores original packets from RTX retransmissions (RFC 4588, section 4): the RTX payload starts
 * with the original sequence number, and the RTX payload type and SSRC map back to the original
 * ones. The restored packet is written into a scratch buffer this object owns and reuses, so
 * unwrapping allocates nothing; it is valid until the next call.
 */
public final class RtxUnwrapper {
    private final int[] originalPayloadType = new int[128];
    private final long mediaSsrc;
    private byte[] scratch = new byte[1500];
    private final RtpPacket restored = new RtpPacket();

    /**
     * @param mediaSsrc the SSRC of the stream being repaired
     * @param aptByRtxPayloadType RTX payload type to the payload type it repairs ({@code apt}), as
     *                            pairs {rtxPt, apt, rtxPt, apt, ...}
     */
    public RtxUnwrapper(long mediaSsrc, int... aptByRtxPayloadType) {
        if ((aptByRtxPayloadType.length & 1) != 0) {
            throw new IllegalArgumentException("payload types come in pairs");
        }
        java.util.Arrays.fill(originalPayloadType, -1);
        for (int i = 0; i < aptByRtxPayloadType.length; i += 2) {
            originalPayloadType[aptByRtxPayloadType[i] & 0x7F] = aptByRtxPayloadType[i + 1] & 0x7F;
        }
        this.mediaSsrc = mediaSsrc;
    }

    /** Whether {@code payloadType} is an RTX payload type this unwrapper knows. */
    public boolean isRtx(int payloadType) {
        return payloadType >= 0 && payloadType < 128 && originalPayloadType[payloadType] >= 0;
    }

    /**
     * The original packet of an RTX packet, as a view over the scratch buffer.
     *
     * @throws ParseException if the payload type is not RTX or the payload has no sequence number
     */
    public RtpPacket unwrap(RtpPacket rtx) throws ParseException {
        if (!isRtx(rtx.payloadType())) {
            throw new ParseException("RTX: payload type " + rtx.payloadType() + " is not an RTX type");
        }
        if (rtx.payloadLength() < 2) {
            throw new ParseException("RTX: payload without an original sequence number");
        }
        byte[] b = rtx.array();
        int header = rtx.headerLength();
        int payload = rtx.payloadLength() - 2;
        int total = header + payload;
        if (scratch.length < total) {
            scratch = new byte[total];
        }
        System.arraycopy(b, rtx.offset(), scratch, 0, header);
        System.arraycopy(b, rtx.payloadOffset() + 2, scratch, header, payload);
        scratch[0] &= (byte) ~0x20; // the RTX padding is gone
        scratch[1] = (byte) ((scratch[1] & 0x80) | originalPayloadType[rtx.payloadType()]);
        scratch[2] = b[rtx.payloadOffset()];
        scratch[3] = b[rtx.payloadOffset() + 1];
        scratch[8] = (byte) (mediaSsrc >>> 24);
        scratch[9] = (byte) (mediaSsrc >>> 16);
        scratch[10] = (byte) (mediaSsrc >>> 8);
        scratch[11] = (byte) mediaSsrc;
        restored.parse(scratch, 0, total);
        return restored;
    }
}
