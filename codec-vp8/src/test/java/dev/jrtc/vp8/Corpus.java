package dev.jrtc.vp8;

import dev.jrtc.vp8.tools.IvfReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The committed conformance corpus (made by src/test/scripts/make-corpus.sh): IVF clips encoded by
 * libvpx, each with vpxdec's MD5 of every shown frame.
 */
final class Corpus {
    private Corpus() {}

    static final String DIR = "corpus/";

    /** Clip names, without extension, listed in corpus/index.txt. */
    static List<String> clips() {
        String index = new String(resource(DIR + "index.txt"), StandardCharsets.US_ASCII);
        List<String> names = new ArrayList<>();
        for (String line : index.split("\n")) {
            if (!line.isBlank()) {
                names.add(line.trim());
            }
        }
        return names;
    }

    static List<byte[]> frames(String clip) {
        try {
            IvfReader ivf = new IvfReader(new ByteArrayInputStream(resource(DIR + clip + ".ivf")));
            List<byte[]> frames = new ArrayList<>();
            byte[] f;
            while ((f = ivf.next()) != null) {
                frames.add(f);
            }
            return frames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** vpxdec's MD5 of each shown frame, in order. */
    static List<String> expectedMd5s(String clip) {
        String text = new String(resource(DIR + clip + ".md5"), StandardCharsets.US_ASCII);
        List<String> md5s = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                md5s.add(line.trim().split("\\s+")[0]);
            }
        }
        return md5s;
    }

    static String md5(Vp8Frame frame) {
        byte[] buf = new byte[frame.i420Size()];
        frame.copyI420(buf, 0);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(buf));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
