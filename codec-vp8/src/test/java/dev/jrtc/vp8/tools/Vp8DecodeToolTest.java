package dev.jrtc.vp8.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line tool prints vpxdec-compatible MD5s and writes raw I420. */
class Vp8DecodeToolTest {
    @TempDir
    Path dir;

    private Path copy(String resource) throws Exception {
        Path p = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = Vp8DecodeToolTest.class.getResourceAsStream(resource)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Vp8Decode.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void frameMd5OutputEqualsTheCommittedVpxdecMd5s() throws Exception {
        Path ivf = copy("/dev/jrtc/vp8/corpus/altref.ivf");
        Path md5 = copy("/dev/jrtc/vp8/corpus/altref.md5");
        assertEquals(Files.readString(md5).strip(), run("decode", ivf.toString(), "--frame-md5").strip());
    }

    @Test
    void rawOutputHasOneI420PicturePerShownFrame() throws Exception {
        Path ivf = copy("/dev/jrtc/vp8/corpus/size-17x9.ivf");
        Path out = dir.resolve("out.i420");
        run("decode", ivf.toString(), "-o", out.toString());
        int picture = 17 * 9 + 2 * 9 * 5;
        assertEquals(10L * picture, Files.size(out));
    }

    @Test
    void md5OptionPrintsOneDigestOverAllFramesLikeVpxdec() throws Exception {
        Path ivf = copy("/dev/jrtc/vp8/corpus/size-17x9.ivf");
        Path out = dir.resolve("out.i420");
        run("decode", ivf.toString(), "-o", out.toString());
        String expected = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("MD5").digest(Files.readAllBytes(out)));
        assertEquals(expected + "  -", run("decode", ivf.toString(), "--md5").strip());
    }
}
