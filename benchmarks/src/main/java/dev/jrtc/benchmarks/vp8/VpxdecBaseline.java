package dev.jrtc.benchmarks.vp8;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times libvpx on the benchmark clips: {@code vpxdec -t 1 --noblit} (one thread, no output), run
 * {@code runs} times per clip after two warm-up runs; prints the median frames per second. Also
 * runs the jrtc decoder the same way (wall time of whole-clip decodes, frames already in memory,
 * after warm-up) so that both numbers come from the same machine state.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.jrtc.benchmarks.vp8.VpxdecBaseline [runs]</pre>
 */
public final class VpxdecBaseline {
    private VpxdecBaseline() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        for (String res : new String[] {"720p", "1080p"}) {
            Path clip = Vp8Clips.clip(res);
            int frames = Vp8Clips.frames(clip).size();
            double libvpx = median(runs, () -> runVpxdec(clip), frames);
            List<byte[]> data = Vp8Clips.frames(clip);
            double jrtc = median(runs, () -> runJrtc(data), frames);
            System.out.printf("%s: libvpx vpxdec -t 1 --noblit %.1f fps, jrtc %.1f fps, ratio %.2f%n",
                    res, libvpx, jrtc, jrtc / libvpx);
        }
    }

    interface Run {
        void run() throws Exception;
    }

    private static double median(int runs, Run r, int frames) throws Exception {
        r.run();
        r.run();
        List<Double> fps = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r.run();
            fps.add(frames * 1e9 / (System.nanoTime() - t0));
        }
        double[] a = fps.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }

    private static void runVpxdec(Path clip) throws Exception {
        Process p = new ProcessBuilder("vpxdec", "-t", "1", "--noblit", clip.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("vpxdec failed on " + clip);
        }
    }

    private static void runJrtc(List<byte[]> frames) throws Exception {
        dev.jrtc.vp8.Vp8Decoder d = new dev.jrtc.vp8.Vp8Decoder();
        for (byte[] f : frames) {
            d.decode(f, 0, f.length);
        }
    }
}
