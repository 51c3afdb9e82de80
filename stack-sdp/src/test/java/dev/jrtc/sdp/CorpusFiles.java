package dev.jrtc.sdp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SDP corpus under {@code src/test/resources/sdp/corpus/<producer>/<name>.sdp}, found at test
 * time so that newly captured files are covered without touching the tests.
 */
public final class CorpusFiles {
    private CorpusFiles() {}

    /** Every {@code .sdp} file of the corpus, sorted by path. */
    public static List<Path> all() {
        URL root = CorpusFiles.class.getResource("/sdp/corpus");
        if (root == null) {
            throw new IllegalStateException("no sdp/corpus on the test classpath");
        }
        try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".sdp")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's text, decoded as UTF-8. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code producer/name.sdp}, for test names. */
    public static String label(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }

    /** The text with every lone LF turned into CRLF: what the writer produces for LF-only input. */
    public static String withCrlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    /** The offer heuristic of the corpus tests: an offer says {@code a=setup:actpass}. */
    public static boolean isOffer(String text) {
        return text.contains("a=setup:actpass");
    }
}
