package dev.jrtc.benchmarks.vp8;

import dev.jrtc.vp8.tools.IvfReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark clips: 60 frames of 720p and 1080p, made on first use by
 * {@code codec-vp8/src/test/scripts/make-corpus.sh DIR bench} (needs ffmpeg and vpxenc). The
 * directory is {@code -Djrtc.vp8.clips=DIR}, default {@code $TMPDIR/jrtc-vp8-bench}.
 */
final class Vp8Clips {
    private Vp8Clips() {}

    static Path dir() {
        return Path.of(System.getProperty("jrtc.vp8.clips",
                Path.of(System.getProperty("java.io.tmpdir"), "jrtc-vp8-bench").toString()));
    }

    /** The clip file for "720p" or "1080p", generating the clips if they are missing. */
    static synchronized Path clip(String resolution) throws IOException, InterruptedException {
        Path file = dir().resolve("bench-" + resolution + ".ivf");
        if (!Files.exists(file)) {
            Path script = findScript();
            Files.createDirectories(dir());
            Process p = new ProcessBuilder("bash", script.toString(), dir().toString(), "bench")
                    .inheritIO().start();
            if (p.waitFor() != 0 || !Files.exists(file)) {
                throw new IOException("could not generate " + file + " with " + script);
            }
        }
        return file;
    }

    private static Path findScript() throws IOException {
        Path rel = Path.of("codec-vp8", "src", "test", "scripts", "make-corpus.sh");
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(rel))) {
                return d.resolve(rel);
            }
        }
        throw new IOException("run from the jrtc checkout (cannot find " + rel + ") or pass -Djrtc.vp8.clips");
    }

    static List<byte[]> frames(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            IvfReader ivf = new IvfReader(in);
            List<byte[]> frames = new ArrayList<>();
            byte[] f;
            while ((f = ivf.next()) != null) {
                frames.add(f);
            }
            return frames;
        }
    }
}
