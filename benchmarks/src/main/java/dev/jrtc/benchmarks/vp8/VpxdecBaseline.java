package dev.jrtc.benchmarks.vp8;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
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
 * <p>On shared, loaded cores wall time mostly measures the scheduler, so it also prints CPU-time
 * rates: the summed CPU time of the vpxdec children ({@code /proc/self/stat} cutime + cstime,
 * Linux only, 10 ms ticks summed over all runs) and of the decoding Java thread.
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
            long[] libvpxCpu = new long[1];
            double libvpx = median(runs, () -> runVpxdec(clip), frames, () -> childrenCpuNanos(),
                    libvpxCpu);
            List<byte[]> data = Vp8Clips.frames(clip);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] jrtcCpu = new long[1];
            double jrtc = median(runs, () -> runJrtc(data), frames, threads::getCurrentThreadCpuTime,
                    jrtcCpu);
            double libvpxCpuFps = (double) frames * runs * 1e9 / libvpxCpu[0];
            double jrtcCpuFps = (double) frames * runs * 1e9 / jrtcCpu[0];
            System.out.printf("%s: wall: libvpx vpxdec -t 1 --noblit %.1f fps, jrtc %.1f fps, ratio %.2f"
                    + " | cpu: libvpx %.1f fps, jrtc %.1f fps, ratio %.2f%n", res, libvpx, jrtc,
                    jrtc / libvpx, libvpxCpuFps, jrtcCpuFps, jrtcCpuFps / libvpxCpuFps);
        }
    }

    interface Clock {
        long nanos() throws Exception;
    }

    /** CPU time (user + system) of this process's exited, waited-for children. */
    private static long childrenCpuNanos() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // Fields after the parenthesised command name; cutime and cstime are fields 16 and 17.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    interface Run {
        void run() throws Exception;
    }

    /** Median wall-clock frames/s after warm-up; adds the runs' time on {@code cpu} to cpuTotal. */
    private static double median(int runs, Run r, int frames, Clock cpu, long[] cpuTotal)
            throws Exception {
        for (int i = 0; i < 5; i++) {
            r.run(); // warm-up, enough for the JIT even on busy cores
        }
        List<Double> fps = new ArrayList<>();
        long c0 = cpu.nanos();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            r.run();
            fps.add(frames * 1e9 / (System.nanoTime() - t0));
        }
        cpuTotal[0] = cpu.nanos() - c0;
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
