package dev.jrtc.common;

/**
 * What a datagram on a WebRTC 5-tuple is, from its first bytes (RFC 7983, section 7, as updated by
 * RFC 9443). One socket carries STUN, DTLS, TURN ChannelData and SRTP/SRTCP at once.
 */
public enum PacketKind {
    /** First byte 0..3: a STUN message. */
    STUN,
    /** First byte 16..19: ZRTP, which WebRTC never uses; dropped. */
    ZRTP,
    /** First byte 20..63: a DTLS record. */
    DTLS,
    /** First byte 64..79: TURN ChannelData. */
    TURN_CHANNEL,
    /** First byte 128..191 and not RTCP: an RTP packet. */
    RTP,
    /** First byte 128..191 and a second byte that is an RTCP packet type. */
    RTCP,
    /** Anything else, and anything too short to tell: dropped and counted. */
    UNKNOWN;

    /**
     * Classifies {@code buf[offset, offset + length)}. Never throws for any content.
     *
     * <p>RTCP is told from RTP the way RFC 5761, section 4 allows and libwebrtc does: with the
     * marker bit masked off, a second byte of 64..95 is an RTCP packet type 192..223. RTP payload
     * types 64..95 are therefore never used with rtcp-mux.
     */
    public static PacketKind classify(byte[] buf, int offset, int length) {
        if (buf == null || length < 1 || offset < 0 || offset + length > buf.length) {
            return UNKNOWN;
        }
        int b = buf[offset] & 0xFF;
        if (b <= 3) {
            return STUN;
        }
        if (b >= 16 && b <= 19) {
            return ZRTP;
        }
        if (b >= 20 && b <= 63) {
            return DTLS;
        }
        if (b >= 64 && b <= 79) {
            return TURN_CHANNEL;
        }
        if (b >= 128 && b <= 191) {
            // The smallest RTP header is 12 bytes and the smallest RTCP packet 8 bytes.
            if (length < 8) {
                return UNKNOWN;
            }
            int pt = buf[offset + 1] & 0x7F;
            if (pt >= 64 && pt <= 95) {
                return RTCP;
            }
            return length >= 12 ? RTP : UNKNOWN;
        }
        return UNKNOWN;
    }
}
