package dev.jrtc.media.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.Md5;
import dev.jrtc.media.TestFiles;
import dev.jrtc.rtp.codec.AnnexB;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A sender that changes its stream mid-way, or sends garbage, gets exact pictures or clean errors. */
class H264StreamChangesTest {
    private static List<byte[]> units(String clip) {
        return H264AccessUnits.split(TestFiles.resource("/h264/" + clip + ".h264"));
    }

    private static List<String> md5s(String clip) {
        return TestFiles.framemd5(TestFiles.resourceText("/h264/" + clip + ".framemd5"));
    }

    @Test
    void aNewResolutionAtAnIdrDecodesExactly() throws Exception {
        List<byte[]> first = units("cbp-160x120");
        List<byte[]> second = units("cbp-odd-98x58");
        List<String> expected = md5s("cbp-odd-98x58");
        try (VideoDecoder d = VideoDecoder.forCodec("H264")) {
            for (int i = 0; i < 10; i++) {
                assertEquals(160, d.decode(first.get(i), i, i == 0).orElseThrow().width());
            }
            for (int i = 0; i < second.size(); i++) {
                I420Frame f = d.decode(second.get(i), i, false).orElseThrow();
                assertEquals(98, f.width());
                assertEquals(58, f.height());
                assertEquals(expected.get(i), Md5.hex(f.toPacked()), "picture " + i);
            }
        }
    }

    @Test
    void anUnsupportedPpsReplacingAGoodOneIsNotUsedStale() throws Exception {
        List<byte[]> good = units("cbp-160x120");
        byte[] badPps = AnnexB.split(units("unsupported-constrained-intra").get(0)).stream()
                .filter(n -> (n[0] & 0x1F) == 8).findFirst().orElseThrow();
        try (VideoDecoder d = VideoDecoder.forCodec("H264")) {
            for (int i = 0; i < 5; i++) {
                d.decode(good.get(i), i, i == 0);
            }
            assertThrows(UnsupportedStreamException.class, () -> d.decode(AnnexB.join(List.of(badPps)), 5, false));
            DecodeException e = assertThrows(DecodeException.class, () -> d.decode(good.get(5), 5, false));
            assertTrue(e.needsKeyFrame());
            assertTrue(e.getMessage().contains("unknown SPS/PPS"), e.getMessage());
        }
    }

    /** Regression: corrupt CABAC data once sent jcodec into an endless mb_qp_delta loop. */
    @ParameterizedTest
    @ValueSource(strings = {"main-bframes", "cbp-slices", "high-8x8"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutatedAccessUnitsOnlyEverRaiseDecodeException(String clip) {
        List<byte[]> good = units(clip);
        Random random = new Random(11);
        int errors = 0;
        for (int round = 0; round < 120; round++) {
            try (VideoDecoder d = VideoDecoder.forCodec("H264")) {
                for (int i = 0; i < 4; i++) {
                    byte[] au = good.get(i).clone();
                    if (i == round % 4 && au.length > 8) {
                        int flips = 1 + random.nextInt(20);
                        for (int k = 0; k < flips; k++) {
                            au[4 + random.nextInt(au.length - 4)] = (byte) random.nextInt(256);
                        }
                    }
                    try {
                        d.decode(au, i, i == 0);
                        d.flush();
                        while (d.nextFrame().isPresent()) {
                            // drain
                        }
                    } catch (DecodeException e) {
                        errors++;
                    }
                }
            }
        }
        assertTrue(errors > 0, "some mutations must be detected");
        assertFalse(errors > 480);
    }
}
