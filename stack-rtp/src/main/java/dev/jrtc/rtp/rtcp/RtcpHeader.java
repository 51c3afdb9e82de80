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
        if ((totalLength & 3) != 0 || totalLength < 4) {
            throw new IllegalStateException("RTCP packet length " + totalLength + " is not a positive multiple of 4");
        }
        if (countOrFormat < 0 || countOrFormat > 31) {
            throw new IllegalArgumentException("RTCP count/format must be 0..31, got " + countOrFormat);
        }
        w.u8(0x80 | countOrFormat).u8(packetType).u16(totalLength / 4 - 1);
    }

    static int padTo4(int n) {
        return (n + 3) & ~3;
    }
}
