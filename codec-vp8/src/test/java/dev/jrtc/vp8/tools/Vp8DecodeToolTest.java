package dev.jrtc.vp8.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line tool against vpxdec 1.12: its raw output is byte for byte vpxdec's
 * {@code --i420} output and its {@code --md5} line is what {@code vpxdec --md5 --i420} prints (the
 * expected files were written by vpxdec; see make-corpus.sh).
 */
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

    /** What {@code vpxdec --md5 --i420 CLIP} printed (committed, made by make-corpus.sh). */
    private static String vpxdecMd5(String clip) throws Exception {
        try (InputStream in = Vp8DecodeToolTest.class.getResourceAsStream(
                "/dev/jrtc/vp8/vpxdec/" + clip + ".md5-i420.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void rawOutputIsByteForByteWhatVpxdecI420Writes() throws Exception {
        Path ivf = copy("/dev/jrtc/vp8/corpus/size-17x9.ivf");
        Path expected = copy("/dev/jrtc/vp8/vpxdec/size-17x9.i420");
        Path out = dir.resolve("out.i420");
        run("decode", ivf.toString(), "--i420", "-o", out.toString());
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(out));
    }

    @Test
    void rawOutputWithHiddenFramesHasVpxdecsDigest() throws Exception {
        Path ivf = copy("/dev/jrtc/vp8/corpus/altref.ivf");
        Path out = dir.resolve("out.i420");
        run("decode", ivf.toString(), "-o", out.toString());
        String digest = HexFormat.of().formatHex(
                MessageDigest.getInstance("MD5").digest(Files.readAllBytes(out)));
        assertEquals(vpxdecMd5("altref"), digest + "  -\n");
    }

    @Test
    void md5OptionPrintsExactlyWhatVpxdecMd5I420Prints() throws Exception {
        for (String clip : new String[] {"altref", "size-17x9"}) {
            Path ivf = copy("/dev/jrtc/vp8/corpus/" + clip + ".ivf");
            String expected = vpxdecMd5(clip);
            assertEquals(expected, run("decode", ivf.toString(), "--md5", "--i420"), clip);
            assertEquals(expected, run("decode", ivf.toString(), "--i420", "--md5"), clip);
        }
    }
}
