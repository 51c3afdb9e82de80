package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteWriter;

/** The four-byte header every RTCP packet starts with, and the packet type numbers. */
final class RtcpHeader {
    static final int SR = 200;
    static final int RR = 201;
    static final int SDES = 202;
    static final int BYE = 203;
    static final int APP = 204;
    static final int RTPFB = 205;
    static final int PSFB = 206;
    static final int XR = 207;

    private RtcpHeader() {
    }

    /** Writes a header for a packet of {@code totalLength} bytes (a multiple of 4), without padding. */
    static void write(ByteWriter w, int countOrFormat, int packetType, int totalLength) {
        write(w, countOrFormat, packetType, totalLength, false);
    }

    private static void write(ByteWriter w, int countOrFormat, int packetType, int totalLength, boolean padded) {
        if ((totalLength & 3) != 0 || totalLength < 4) {
            throw new IllegalStateException("RTCP packet length " + totalLength + " is not a positive multiple of 4");
        }
        if (countOrFormat < 0 || countOrFormat > 31) {
            throw new IllegalArgumentException("RTCP count/format must be 0..31, got " + countOrFormat);
        }
        w.u8(0x80 | (padded ? 0x20 : 0) | countOrFormat).u8(packetType).u16(totalLength / 4 - 1);
    }

    /**
     * Writes the header of a packet whose content is {@code contentLength} bytes, header included,
     * and is padded with the padding bit (RFC 3550, section 6.4.1) up to the next multiple of 4;
     * {@link #writePadding} must follow the content.
     */
    static void writeWithPadding(ByteWriter w, int countOrFormat, int packetType, int contentLength) {
        int total = padTo4(contentLength);
        write(w, countOrFormat, packetType, total, total != contentLength);
    }

    /** The padding after content of {@code contentLength} bytes: zeros, then the padding count. */
    static void writePadding(ByteWriter w, int contentLength) {
        int pad = padTo4(contentLength) - contentLength;
        if (pad > 0) {
            w.zeros(pad - 1).u8(pad);
        }
    }

    static int padTo4(int n) {
        return (n + 3) & ~3;
    }
}
