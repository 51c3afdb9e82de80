package dev.jrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus SDP parses, writes back byte for byte, and gives typed views without throwing. */
class CorpusRoundTripTest {
    static Stream<Arguments> corpus() {
        return CorpusFiles.all().stream().map(p -> Arguments.of(CorpusFiles.label(p), p));
    }

    @Test
    void corpusHasAtLeastFiveFilesAndEveryProducerFolder() {
        List<Path> files = CorpusFiles.all();
        assertTrue(files.size() >= 5, "corpus has only " + files.size() + " files");
        assertTrue(files.stream().anyMatch(p -> p.getParent().getFileName().toString().equals("rfc")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void parseThenWriteGivesTheSameBytes(String label, Path file) throws ParseException {
        String text = CorpusFiles.read(file);
        String written = SessionDescription.parse(text).toSdpString();
        // Files with CRLF (all captured ones) must come back identical; an LF-only file comes back with CRLF.
        assertEquals(CorpusFiles.withCrlf(text), written);
        if (text.contains("\r\n")) {
            assertEquals(text, written);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void lfOnlyVersionParsesToTheSameDescription(String label, Path file) throws ParseException {
        String text = CorpusFiles.read(file);
        String lfOnly = text.replace("\r\n", "\n");
        assertEquals(SessionDescription.parse(text), SessionDescription.parse(lfOnly));
        assertEquals(CorpusFiles.withCrlf(text), SessionDescription.parse(lfOnly).toSdpString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void typedViewsDoNotThrowAndRewriteToTheSameValues(String label, Path file) throws ParseException {
        SessionDescription sd = SessionDescription.parse(CorpusFiles.read(file));
        TypedViews.touchAll(sd);
        assertFalse(sd.media().isEmpty() && sd.origin() == null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyRtpSectionWithRtpmapsHasCodecs(String label, Path file) throws ParseException {
        SessionDescription sd = SessionDescription.parse(CorpusFiles.read(file));
        for (MediaDescription m : sd.media()) {
            if (m.mediaLine().isRtp() && !m.attributes().rtpMaps().isEmpty()) {
                assertFalse(m.codecs().isEmpty(), m.mid() + " has rtpmaps but no codecs");
                for (RtpCodec c : m.codecs()) {
                    assertTrue(m.mediaLine().formats().contains(Integer.toString(c.payloadType())));
                }
            }
        }
    }
}
