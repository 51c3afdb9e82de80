package dev.jrtc.interop.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** ffmpeg and ffprobe as reference tools (installed with the interop peers), and MD5. */
final class Tools {
    private Tools() {
    }

    static String md5(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    }

    /** ffmpeg's MD5 of each picture of a file, decoded to yuv420p ({@code -f framemd5}). */
    static List<String> ffmpegFrameMd5s(Path file) throws Exception {
        List<String> md5s = new ArrayList<>();
        for (String line : run("ffmpeg", "-v", "error", "-i", file.toString(), "-fps_mode", "passthrough",
                "-pix_fmt", "yuv420p", "-f", "framemd5", "-").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] cols = line.split(",");
                md5s.add(cols[cols.length - 1].trim());
            }
        }
        return md5s;
    }

    /** The first stream's codec_name, sample_rate, width, height and duration per ffprobe. */
    static Map<String, String> ffprobe(Path file) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : run("ffprobe", "-v", "error", "-select_streams", "0", "-show_entries",
                "stream=codec_name,sample_rate,width,height,duration", "-of", "default=noprint_wrappers=1",
                file.toString()).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return values;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(command[0] + " failed on " + String.join(" ", command)
                    + " (is it installed? apt-get install ffmpeg)");
        }
        return out;
    }
}
