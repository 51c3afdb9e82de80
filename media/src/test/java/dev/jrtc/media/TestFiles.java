package dev.jrtc.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test resources and ffmpeg's text formats. */
public final class TestFiles {
    private TestFiles() {
    }

    public static byte[] resource(String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String resourceText(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    /** @return the MD5 column of {@code ffmpeg -f framemd5} output, one per frame */
    public static List<String> framemd5(String text) {
        List<String> md5s = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split(",");
            md5s.add(cols[cols.length - 1].trim());
        }
        return md5s;
    }
}
