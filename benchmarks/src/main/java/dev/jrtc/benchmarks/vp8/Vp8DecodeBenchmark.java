package dev.jrtc.benchmarks.vp8;

import dev.jrtc.vp8.Vp8Decoder;
import dev.jrtc.vp8.Vp8Frame;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-threaded VP8 decode speed in frames per second: one operation decodes a whole 60-frame
 * clip (a key frame and 59 inter frames) with a fresh decoder, so the score is clips/s; multiply
 * by 60 for frames/s. {@link VpxdecBaseline} times libvpx's vpxdec on the same files.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Vp8DecodeBenchmark {
    static final int FRAMES = 60;

    @Param({"720p", "1080p"})
    public String resolution;

    private List<byte[]> frames;
    private Vp8Decoder decoder;

    @Setup
    public void setUp() throws Exception {
        frames = Vp8Clips.frames(Vp8Clips.clip(resolution));
        if (frames.size() != FRAMES) {
            throw new IllegalStateException("expected " + FRAMES + " frames, got " + frames.size());
        }
        decoder = new Vp8Decoder();
    }

    /** Decodes the clip; the score is frames per second. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int decodeClip() throws Exception {
        int checksum = 0;
        for (byte[] f : frames) {
            Vp8Frame shown = decoder.decode(f, 0, f.length);
            if (shown != null) {
                checksum += shown.planeY()[0];
            }
        }
        return checksum;
    }
}
