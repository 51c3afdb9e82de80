package dev.jrtc.benchmarks.vp8;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Compares two builds of the VP8 decoder in one JVM: each build's classes are loaded by their own
 * class loader, and whole-clip decodes of the two alternate, so that both see the same machine
 * state. On shared, loaded cores this resolves differences of a few percent that separate runs
 * (minutes apart, under different load) cannot. Prints the median decoding-thread CPU frames/s of
 * each and the median and quartiles of the paired after/before ratio.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.jrtc.benchmarks.vp8.Vp8DecoderAb \
 *     BEFORE_CLASSPATH AFTER_CLASSPATH 720p|1080p [rounds]</pre>
 *
 * Each class path must hold {@code dev.jrtc.vp8} and its dependency {@code stack-common} (for
 * example {@code codec-vp8/target/classes:~/.m2/.../stack-common-0.1.0-SNAPSHOT.jar}).
 */
public final class Vp8DecoderAb {
    private Vp8DecoderAb() {}

    /** One build's decoder: a constructor and {@code decode(byte[], int, int)}. */
    private record Build(MethodHandle create, MethodHandle decode) {
        static Build load(String classPath) throws ReflectiveOperationException,
                java.net.MalformedURLException {
            String[] parts = classPath.split(":");
            URL[] urls = new URL[parts.length];
            for (int i = 0; i < parts.length; i++) {
                urls[i] = Path.of(parts[i]).toUri().toURL();
            }
            ClassLoader loader = new URLClassLoader(urls, null); // nothing from this class path
            Class<?> decoder = Class.forName("dev.jrtc.vp8.Vp8Decoder", true, loader);
            Class<?> frame = Class.forName("dev.jrtc.vp8.Vp8Frame", true, loader);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            return new Build(lookup.findConstructor(decoder, MethodType.methodType(void.class)),
                    lookup.findVirtual(decoder, "decode",
                            MethodType.methodType(frame, byte[].class, int.class, int.class)));
        }

        /** Decodes the clip with a fresh decoder; returns the thread's CPU nanoseconds. */
        long run(List<byte[]> frames, ThreadMXBean threads) throws Throwable {
            long t0 = threads.getCurrentThreadCpuTime();
            Object d = create.invoke();
            for (byte[] f : frames) {
                decode.invoke(d, f, 0, f.length);
            }
            return threads.getCurrentThreadCpuTime() - t0;
        }
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 3) {
            System.err.println("usage: Vp8DecoderAb BEFORE_CP AFTER_CP 720p|1080p [rounds]");
            System.exit(2);
        }
        Build[] builds = {Build.load(args[0]), Build.load(args[1])};
        List<byte[]> frames = Vp8Clips.frames(Vp8Clips.clip(args[2]));
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] fps = new double[2][rounds];
        double[] ratio = new double[rounds];
        for (int i = -5; i < rounds; i++) { // five warm-up rounds
            for (int k = 0; k < 2; k++) {
                int b = (i & 1) == 0 ? k : 1 - k; // alternate which build goes first
                long nanos = builds[b].run(frames, threads);
                if (i >= 0) {
                    fps[b][i] = frames.size() * 1e9 / nanos;
                }
            }
            if (i >= 0) {
                ratio[i] = fps[1][i] / fps[0][i];
            }
        }
        Arrays.sort(fps[0]);
        Arrays.sort(fps[1]);
        Arrays.sort(ratio);
        System.out.printf("%s: before %.1f fps, after %.1f fps (CPU, medians of %d);"
                + " after/before paired median %.3f, quartiles %.3f-%.3f%n", args[2],
                fps[0][rounds / 2], fps[1][rounds / 2], rounds, ratio[rounds / 2], ratio[rounds / 4],
                ratio[3 * rounds / 4]);
    }
}
