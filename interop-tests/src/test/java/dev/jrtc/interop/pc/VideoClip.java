package dev.jrtc.interop.pc;

import dev.jrtc.media.source.EncodedMediaFrame;
import dev.jrtc.vp8.tools.IvfReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A VP8 clip from the test resources, held in memory, that jrtc sends to real peers.
 *
 * <p>{@code interop/vp8-320x240-60f.ivf} was made with
 * {@code ffmpeg -f lavfi -i testsrc2=size=320x240:rate=30 -frames:v 60 -pix_fmt yuv420p clip.y4m} and
 * {@code vpxenc --codec=vp8 --rt --cpu-used=8 --target-bitrate=300 --kf-min-dist=0 --kf-max-dist=15 --ivf -o vp8-320x240-60f.ivf clip.y4m}:
 * 2 s at 30 fps, a key frame every 15 frames (so a peer that joins or loses a packet recovers
 * quickly, and looping it restarts at a key frame). {@code vpxdec --md5}: 5cf4be1fcd55e2b623156fcaa82c4845.
 *
 * @param frames the encoded frames, in order; the first is a key frame
 * @param size the picture size
 */
record VideoClip(List<byte[]> frames, FrameSize size) {
    static final String VP8_320X240 = "vp8-320x240-60f.ivf";

    VideoClip {
        frames = List.copyOf(frames);
    }

    /**
     * The clip looped forever at {@code fps}: the RTP timestamp advances by 90000 / fps per frame
     * and keeps rising across loops (the clip restarts at a key frame, so a decoder never sees a
     * broken reference). Not thread-safe.
     */
    Supplier<EncodedMediaFrame> looped(int fps) {
        long[] index = {0};
        return () -> {
            long i = index[0]++;
            byte[] frame = frames.get((int) (i % frames.size()));
            return new EncodedMediaFrame("VP8", frame, FrameSize.ofVp8(frame).isPresent(), (1234 + i * 90_000 / fps) & 0xFFFF_FFFFL);
        };
    }

    /** Reads {@code interop/<name>} (an IVF file) from the test resources. */
    static VideoClip load(String name) {
        try (InputStream in = VideoClip.class.getResourceAsStream("/interop/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource interop/" + name);
            }
            IvfReader ivf = new IvfReader(in);
            List<byte[]> frames = new ArrayList<>();
            for (byte[] f; (f = ivf.next()) != null; ) {
                frames.add(f);
            }
            return new VideoClip(frames, new FrameSize(ivf.width(), ivf.height()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
