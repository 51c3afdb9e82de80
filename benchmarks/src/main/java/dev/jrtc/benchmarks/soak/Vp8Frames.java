package dev.jrtc.benchmarks.soak;

/** Synthetic VP8 frames: a valid key-frame header (RFC 6386 section 9.1) and filler; nobody decodes them. */
final class Vp8Frames {
    private Vp8Frames() {
    }

    /** A 320x240 key frame of {@code size} bytes. */
    static byte[] keyFrame(int size) {
        byte[] f = new byte[size];
        f[0] = 0x10; // key frame, version 0, show_frame
        f[1] = 0x02;
        f[2] = 0x00;
        f[3] = (byte) 0x9d; // start code
        f[4] = 0x01;
        f[5] = 0x2a;
        f[6] = 0x40; // width 320
        f[7] = 0x01;
        f[8] = (byte) 0xf0; // height 240
        f[9] = 0x00;
        for (int i = 10; i < size; i++) {
            f[i] = (byte) (i * 31);
        }
        return f;
    }
}
