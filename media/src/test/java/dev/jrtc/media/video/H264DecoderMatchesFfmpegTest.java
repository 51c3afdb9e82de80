package dev.jrtc.media.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jrtc.media.Md5;
import dev.jrtc.media.TestFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every picture jcodec gives us, in display order, has the MD5 that ffmpeg's decoder gives
 * ({@code ffmpeg -f framemd5}, committed next to each clip by {@code make-corpus.sh}).
 */
class H264DecoderMatchesFfmpegTest {

    @ParameterizedTest
    @ValueSource(strings = {"cbp-160x120", "cbp-odd-98x58", "cbp-slices", "main-bframes", "main-pyramid",
        "high-8x8"})
    void everyFrameMatchesFfmpeg(String clip) throws Exception {
        byte[] stream = TestFiles.resource("/h264/" + clip + ".h264");
        List<String> expected = TestFiles.framemd5(TestFiles.resourceText("/h264/" + clip + ".framemd5"));
        List<String> actual = decodeAll(stream);
        assertFalse(expected.isEmpty());
        assertEquals(expected.size(), actual.size(), clip + ": number of pictures");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), clip + ": picture " + i);
        }
    }

    /** @return the MD5 of each picture, as packed I420, in display order */
    static List<String> decodeAll(byte[] stream) throws DecodeException {
        List<String> md5s = new ArrayList<>();
        try (VideoDecoder d = VideoDecoder.forCodec("H264")) {
            long ts = 0;
            for (byte[] au : H264AccessUnits.split(stream)) {
                collect(d.decode(au, ts, false), d, md5s);
                ts += 3000;
            }
            d.flush();
            collect(Optional.empty(), d, md5s);
        }
        return md5s;
    }

    private static void collect(Optional<I420Frame> first, VideoDecoder d, List<String> md5s) {
        Optional<I420Frame> f = first;
        if (f.isEmpty()) {
            f = d.nextFrame();
        }
        while (f.isPresent()) {
            md5s.add(Md5.hex(f.get().toPacked()));
            f = d.nextFrame();
        }
    }
}
