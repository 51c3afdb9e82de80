package dev.jrtc.media.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.TestFiles;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Streams jcodec would refuse or mis-decode give a clear error for every access unit, never a picture. */
class H264UnsupportedStreamTest {

    @ParameterizedTest
    @CsvSource({
        "unsupported-constrained-intra, constrained_intra_pred",
        "unsupported-interlaced, interlaced",
        "unsupported-scaling-list, scaling lists",
        "unsupported-high422, High 4:2:2",
        "unsupported-high10, High 10"})
    void refusedWithTheFeatureNamed(String clip, String feature) throws Exception {
        List<byte[]> units = H264AccessUnits.split(TestFiles.resource("/h264/" + clip + ".h264"));
        assertTrue(units.size() >= 3);
        try (VideoDecoder d = VideoDecoder.forCodec("h264")) {
            UnsupportedStreamException first = assertThrows(UnsupportedStreamException.class,
                    () -> d.decode(units.get(0), 0, true));
            assertTrue(first.getMessage().contains(feature), first.getMessage());
            assertTrue(first.needsKeyFrame());
            for (byte[] au : units.subList(1, units.size())) {
                // Later pictures refer to the refused parameter sets: still no picture.
                DecodeException e = assertThrows(DecodeException.class, () -> d.decode(au, 0, false));
                assertTrue(e.needsKeyFrame());
            }
            assertEquals(true, d.needsKeyFrame());
        }
    }
}
