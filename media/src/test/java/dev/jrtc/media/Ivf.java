package dev.jrtc.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Reads the frames of an IVF file (for tests). */
public final class Ivf {
    /** One frame and its presentation time in the file's time base. */
    public record Frame(byte[] data, long pts) {
    }

    private Ivf() {
    }

    public static List<Frame> frames(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = b.getShort(6) & 0xFFFF;
        b.position(headerLength);
        List<Frame> frames = new ArrayList<>();
        while (b.remaining() >= 12) {
            int size = b.getInt();
            long pts = b.getLong();
            byte[] data = new byte[size];
            b.get(data);
            frames.add(new Frame(data, pts));
        }
        return frames;
    }
}
