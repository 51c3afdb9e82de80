package dev.jrtc.peerconnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** The VP8 test clip (copied from stack-rtp's test resources), split into its IVF frames. */
public final class Clips {
    private Clips() {
    }

    /** The 30 frames of {@code vp8-320x240-30f.ivf}: a key frame every 10 frames. */
    public static List<byte[]> vp8Frames() {
        try (InputStream in = Clips.class.getResourceAsStream("/dev/jrtc/peerconnection/clips/vp8-320x240-30f.ivf")) {
            if (in == null) {
                throw new IllegalStateException("missing test clip");
            }
            return ivfFrames(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** IVF: a file header (its length at byte 6), then per frame size (LE32), pts (LE64) and data. */
    static List<byte[]> ivfFrames(byte[] ivf) {
        ByteBuffer b = ByteBuffer.wrap(ivf).order(ByteOrder.LITTLE_ENDIAN);
        int pos = b.getShort(6) & 0xFFFF;
        List<byte[]> frames = new ArrayList<>();
        while (pos + 12 <= ivf.length) {
            int size = b.getInt(pos);
            pos += 12;
            byte[] f = new byte[size];
            System.arraycopy(ivf, pos, f, 0, size);
            frames.add(f);
            pos += size;
        }
        return frames;
    }
}
