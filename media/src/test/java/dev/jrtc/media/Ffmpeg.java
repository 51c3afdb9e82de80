package dev.jrtc.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs ffmpeg and ffprobe (installed here and in CI) as reference tools. */
public final class Ffmpeg {
    private Ffmpeg() {
    }

    /** Skips the calling test if the tool is not on the PATH. */
    public static void assumeInstalled(String tool) {
        Assumptions.assumeTrue(onPath(tool), tool + " is not installed (apt-get install ffmpeg)");
    }

    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command and returns its standard output; fails on a non-zero exit. */
    public static byte[] run(String... command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("ffmpeg", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                        + Files.readString(err));
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** @return ffmpeg's per-frame MD5s of a file decoded to yuv420p */
    public static List<String> frameMd5s(Path file) throws IOException, InterruptedException {
        String out = new String(run("ffmpeg", "-v", "error", "-i", file.toString(), "-fps_mode", "passthrough",
                "-pix_fmt", "yuv420p", "-f", "framemd5", "-"), StandardCharsets.UTF_8);
        return TestFiles.framemd5(out);
    }

    /** @return {@code ffprobe -show_entries} values as key=value lines, for one stream and the format */
    public static java.util.Map<String, String> probe(Path file) throws IOException, InterruptedException {
        String out = new String(run("ffprobe", "-v", "error", "-select_streams", "0", "-count_frames",
                "-show_entries",
                "stream=codec_name,width,height,sample_rate,channels,nb_read_frames,duration:format=duration,format_name",
                "-of", "default=noprint_wrappers=1", file.toString()), StandardCharsets.UTF_8);
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                // The stream's duration comes first; format's "duration" would overwrite it.
                values.putIfAbsent(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return values;
    }

    /** Runs a command that must exit 0; returns what it printed on standard error (for {@code -v error} runs). */
    public static String stderr(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ": " + err);
        }
        return err;
    }

    /**
     * Every stream of a file as ffprobe sees it (codec_name, codec_type, width, height, sample_rate,
     * channels, nb_read_packets), in stream order, and the format's duration and name under the key
     * {@code "format"}.
     */
    public static java.util.Map<String, List<java.util.Map<String, String>>> probeAll(Path file)
            throws IOException, InterruptedException {
        String out = new String(run("ffprobe", "-v", "error", "-count_packets", "-show_entries",
                "stream=index,codec_name,codec_type,width,height,sample_rate,channels,nb_read_packets"
                        + ":format=duration,format_name,nb_streams",
                "-of", "default=noprint_wrappers=0", file.toString()), StandardCharsets.UTF_8);
        java.util.Map<String, List<java.util.Map<String, String>>> result = new java.util.LinkedHashMap<>();
        List<java.util.Map<String, String>> streams = new java.util.ArrayList<>();
        java.util.Map<String, String> current = null;
        for (String line : out.split("\n")) {
            line = line.trim();
            if (line.equals("[STREAM]") || line.equals("[FORMAT]")) {
                current = new java.util.LinkedHashMap<>();
                (line.equals("[STREAM]") ? streams : result.computeIfAbsent("format", k -> new java.util.ArrayList<>()))
                        .add(current);
            } else if (line.startsWith("[/")) {
                current = null;
            } else if (current != null && line.indexOf('=') > 0) {
                current.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        result.put("streams", streams);
        return result;
    }
}
