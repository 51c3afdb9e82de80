package dev.jrtc.benchmarks.load;

import java.nio.ByteBuffer;

/**
 * The VP8-like frames the load sender sends: 1,100 bytes, one RTP packet each, 100 a second (about
 * 1 Mbit/s with headers), a key frame every {@value #KEY_FRAME_INTERVAL}. Bytes 16 to 31 carry the
 * frame's index and the sender's {@link System#nanoTime()} just before it is handed to the stack.
 * Both processes run on one Linux machine, where {@code nanoTime} is {@code CLOCK_MONOTONIC}
 * and so comparable between processes.
 */
final class LoadFrames {
    static final int FRAME_BYTES = 1_100;
    static final int FRAMES_PER_SECOND = 100;
    static final int KEY_FRAME_INTERVAL = 100;
    private static final int STAMP_OFFSET = 16;

    private LoadFrames() {
    }

    /** Frame {@code index}, stamped with {@code sentNanos}. */
    static byte[] frame(long index, long sentNanos) {
        byte[] f = new byte[FRAME_BYTES];
        fill(f, index);
        stamp(f, sentNanos);
        return f;
    }

    /** Writes frame {@code index} into {@code f} (a {@link #FRAME_BYTES} array), with no stamp yet. */
    static void fill(byte[] f, long index) {
        java.util.Arrays.fill(f, (byte) 0);
        if (index % KEY_FRAME_INTERVAL == 0) {
            // RFC 6386 9.1: key frame tag, start code 9d 01 2a, 320x240
            f[0] = 0x10;
            f[1] = 0x02;
            f[3] = (byte) 0x9d;
            f[4] = 0x01;
            f[5] = 0x2a;
            f[6] = 0x40;
            f[7] = 0x01;
            f[8] = (byte) 0xf0;
        } else {
            f[0] = 0x11; // inter frame: P bit set
        }
        ByteBuffer.wrap(f, STAMP_OFFSET, 8).putLong(index);
    }

    /** Stamps {@code f} with the sender's clock just before it is handed to the stack. */
    static void stamp(byte[] f, long sentNanos) {
        ByteBuffer.wrap(f, STAMP_OFFSET + 8, 8).putLong(sentNanos);
    }

    static long index(byte[] frame) {
        return ByteBuffer.wrap(frame, STAMP_OFFSET, 8).getLong();
    }

    static long sentNanos(byte[] frame) {
        return ByteBuffer.wrap(frame, STAMP_OFFSET + 8, 8).getLong();
    }
}
