package dev.jrtc.srtp;

/** The few RTP/RTCP header fields SRTP needs. */
final class RtpHeaders {
    static final int RTP_FIXED_HEADER = 12;
    static final int RTCP_HEADER = 8;

    private RtpHeaders() {
    }

    static boolean isVersion2(byte first) {
        return (first & 0xc0) == 0x80;
    }

    /**
     * Length of the RTP header: fixed part, CSRC list and header extension. Returns -1 if it would
     * run past {@code limit} bytes.
     */
    static int rtpHeaderLength(byte[] buf, int off, int limit) {
        int length = RTP_FIXED_HEADER + 4 * (buf[off] & 0x0f);
        if ((buf[off] & 0x10) != 0) {
            if (length + 4 > limit) {
                return -1;
            }
            int words = (buf[off + length + 2] & 0xff) << 8 | (buf[off + length + 3] & 0xff);
            length += 4 + 4 * words;
        }
        return length <= limit ? length : -1;
    }

    static int sequenceNumber(byte[] buf, int off) {
        return (buf[off + 2] & 0xff) << 8 | (buf[off + 3] & 0xff);
    }

    static int rtpSsrc(byte[] buf, int off) {
        return SrtpTransform.getInt(buf, off + 8);
    }

    static int rtcpSenderSsrc(byte[] buf, int off) {
        return SrtpTransform.getInt(buf, off + 4);
    }
}
