package dev.jrtc.rtp.codec;

/** H.264 NAL unit types and RTP payload structures (RFC 6184, section 5.2) used by both directions. */
final class H264 {
    static final int NAL_IDR = 5;
    static final int NAL_SPS = 7;
    static final int NAL_PPS = 8;
    static final int NAL_AUD = 9;
    static final int STAP_A = 24;
    static final int FU_A = 28;
    static final int FU_START = 0x80;
    static final int FU_END = 0x40;

    private H264() {
    }

    static int type(int nalHeader) {
        return nalHeader & 0x1F;
    }
}
