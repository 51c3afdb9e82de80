package dev.jrtc.benchmarks.vp8;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Times libvpx ({@code vpxdec -t 1 --noblit}: one thread, no output) and the jrtc decoder on the
 * benchmark clips, <em>interleaved</em>: each of the {@code runs} rounds decodes the whole clip once
 * with vpxdec (a new process) and once with jrtc (frames already in memory, after warm-up), so both
 * see the same machine state. Prints, per clip, the median frames per second of each, the median
 * of the per-round ratios, and the ratio of CPU-time rates.
 *
 * <p>Why interleaved: on this kind of virtual machine a decoder's speed drifts by ±15 % over
 * seconds, for libvpx and jrtc alike (a single jrtc decoder, no allocation, no JIT activity, moved
 * between about 210 and 300 fps on the 720p clip within one JVM). Timing all vpxdec runs first and
 * all jrtc runs afterwards compared two different stretches of that drift.
 *
 * <p>CPU time: the summed CPU time of the vpxdec children ({@code /proc/self/stat} cutime +
 * cstime, Linux only, 10 ms ticks summed over all rounds) and of the decoding Java thread. vpxdec's
 * figure includes its process start, as its wall time does.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.jrtc.benchmarks.vp8.VpxdecBaseline [runs]</pre>
 */
public final class VpxdecBaseline {
    private static final int JRTC_WARMUP_RUNS = 8;
    private static final int VPXDEC_WARMUP_RUNS = 2;

    private VpxdecBaseline() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String res : new String[] {"720p", "1080p"}) {
            Path clip = Vp8Clips.clip(res);
            List<byte[]> data = Vp8Clips.frames(clip);
            int frames = data.size();
            for (int i = 0; i < JRTC_WARMUP_RUNS; i++) {
                runJrtc(data); // enough for the JIT even on busy cores
            }
            for (int i = 0; i < VPXDEC_WARMUP_RUNS; i++) {
                runVpxdec(clip); // page cache, dynamic loader
            }
            double[] libvpxFps = new double[runs];
            double[] jrtcFps = new double[runs];
            double[] ratios = new double[runs];
            long libvpxCpu = 0;
            long jrtcCpu = 0;
            for (int i = 0; i < runs; i++) {
                long c0 = childrenCpuNanos();
                long t0 = System.nanoTime();
                runVpxdec(clip);
                libvpxFps[i] = frames * 1e9 / (System.nanoTime() - t0);
                libvpxCpu += childrenCpuNanos() - c0;

                long j0 = threads.getCurrentThreadCpuTime();
                t0 = System.nanoTime();
                runJrtc(data);
                jrtcFps[i] = frames * 1e9 / (System.nanoTime() - t0);
                jrtcCpu += threads.getCurrentThreadCpuTime() - j0;
                ratios[i] = jrtcFps[i] / libvpxFps[i];
            }
            double libvpxCpuFps = (double) frames * runs * 1e9 / libvpxCpu;
            double jrtcCpuFps = (double) frames * runs * 1e9 / jrtcCpu;
            System.out.printf("%s: wall: libvpx vpxdec -t 1 --noblit %.1f fps, jrtc %.1f fps, ratio %.2f"
                    + " (median of %d interleaved rounds' ratios; quartiles %.2f-%.2f)"
                    + " | cpu: libvpx %.1f fps, jrtc %.1f fps, ratio %.2f%n", res, median(libvpxFps),
                    median(jrtcFps), median(ratios), runs, quantile(ratios, 0.25), quantile(ratios, 0.75),
                    libvpxCpuFps, jrtcCpuFps, jrtcCpuFps / libvpxCpuFps);
        }
    }

    /** CPU time (user + system) of this process's exited, waited-for children. */
    private static long childrenCpuNanos() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // Fields after the parenthesised command name; cutime and cstime are fields 16 and 17.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** The value at {@code q} of the sorted values (nearest rank). */
    private static double quantile(double[] values, double q) {
        double[] a = values.clone();
        Arrays.sort(a);
        return a[(int) Math.min(a.length - 1, Math.floor(q * a.length))];
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
