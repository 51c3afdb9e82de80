package dev.jrtc.reliability.sim;

import dev.jrtc.peerconnection.Clips;
import java.util.List;

/** Frames to send: the committed VP8 clip looped, or fixed-size Opus-like audio frames that carry their index. */
public final class MediaSource {
    private static final List<byte[]> VP8 = Clips.vp8Frames();

    private MediaSource() {
    }

    /** The {@code i}-th VP8 frame of the looped clip. */
    public static byte[] vp8Frame(int i) {
        return VP8.get(i % VP8.size());
    }

    /** Frames in the clip. */
    public static int vp8ClipLength() {
        return VP8.size();
    }

    /** An audio frame of 80 bytes whose first four bytes hold {@code i}, so the receiver can tell which arrived. */
    public static byte[] audioFrame(int i) {
        byte[] f = new byte[80];
        f[0] = (byte) (i >>> 24);
        f[1] = (byte) (i >>> 16);
        f[2] = (byte) (i >>> 8);
        f[3] = (byte) i;
        for (int k = 4; k < f.length; k++) {
            f[k] = (byte) (k * 31 + i);
        }
        return f;
    }

    /** The index an {@link #audioFrame(int)} carries. */
    public static int audioIndex(byte[] f) {
        return (f[0] & 0xFF) << 24 | (f[1] & 0xFF) << 16 | (f[2] & 0xFF) << 8 | f[3] & 0xFF;
    }
}
