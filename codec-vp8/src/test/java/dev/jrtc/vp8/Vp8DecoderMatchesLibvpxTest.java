package dev.jrtc.vp8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shown frame of every corpus clip decodes to exactly the I420 picture libvpx's vpxdec
 * produces (compared by MD5, frame by frame).
 */
class Vp8DecoderMatchesLibvpxTest {
    static List<String> clips() {
        return Corpus.clips();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clips")
    void everyFrameIsBitExact(String clip) throws Exception {
        List<String> expected = Corpus.expectedMd5s(clip);
        assertTrue(!expected.isEmpty(), "no reference MD5s for " + clip);
        Vp8Decoder decoder = new Vp8Decoder();
        List<String> actual = new ArrayList<>();
        for (byte[] frame : Corpus.frames(clip)) {
            Vp8Frame shown = decoder.decode(frame, 0, frame.length);
            if (shown != null) {
                actual.add(Corpus.md5(shown));
            }
        }
        assertEquals(expected.size(), actual.size(), clip + ": number of shown frames");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), clip + ": frame " + i);
        }
    }
}
