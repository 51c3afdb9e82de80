package dev.jrtc.media.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.Md5;
import dev.jrtc.media.TestFiles;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** H.264 errors never give pictures from broken references; the next IDR restores exact output. */
class H264RecoveryTest {
    private final List<byte[]> units = H264AccessUnits.split(TestFiles.resource("/h264/cbp-160x120.h264"));
    private final List<String> expected = TestFiles.framemd5(TestFiles.resourceText("/h264/cbp-160x120.framemd5"));

    @Test
    void theClipHasIdrsEveryThirtyPictures() {
        assertEquals(45, units.size());
    }

    @Test
    void joiningMidStreamWaitsForTheIdr() throws Exception {
        try (VideoDecoder d = VideoDecoder.forCodec("H264")) {
            for (int i = 25; i < 30; i++) {
                int n = i;
                assertTrue(assertThrows(DecodeException.class, () -> d.decode(units.get(n), n, false))
                        .needsKeyFrame());
            }
            for (int i = 30; i < units.size(); i++) {
                I420Frame f = d.decode(units.get(i), i, i == 30).orElseThrow();
                assertEquals(expected.get(i), Md5.hex(f.toPacked()), "picture " + i);
            }
        }
    }

    @Test
    void corruptAccessUnitsNeverThrowAnythingElseAndTheIdrRecovers() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            try (VideoDecoder d = VideoDecoder.forCodec("H264")) {
                for (int i = 0; i < 10; i++) {
                    d.decode(units.get(i), i, i == 0);
                }
                byte[] bad = units.get(10).clone();
                if (round % 2 == 0) {
                    bad = Arrays.copyOf(bad, 6 + random.nextInt(bad.length - 6));
                } else {
                    for (int k = 0; k < 8; k++) {
                        bad[5 + random.nextInt(bad.length - 5)] ^= (byte) (1 + random.nextInt(255));
                    }
                }
                boolean failed = false;
                try {
                    d.decode(bad, 10, false);
                } catch (DecodeException e) {
                    failed = true;
                    assertTrue(e.needsKeyFrame());
                }
                if (failed) {
                    assertTrue(d.needsKeyFrame());
                    assertThrows(DecodeException.class, () -> d.decode(units.get(11), 11, false));
                }
                for (int i = 30; i < units.size(); i++) {
                    I420Frame f = d.decode(units.get(i), i, i == 30).orElseThrow();
                    assertEquals(expected.get(i), Md5.hex(f.toPacked()), "round " + round + " picture " + i);
                }
                assertFalse(d.needsKeyFrame());
            }
        }
    }
}
