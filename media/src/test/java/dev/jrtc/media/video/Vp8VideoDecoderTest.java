package dev.jrtc.media.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.Ivf;
import dev.jrtc.media.Md5;
import dev.jrtc.media.TestFiles;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** VP8 through the {@link VideoDecoder} adapter: pictures equal ffmpeg's, and errors ask for key frames. */
class Vp8VideoDecoderTest {
    private final List<Ivf.Frame> frames = Ivf.frames(TestFiles.resource("/vp8/clip-96x64.ivf"));
    private final List<String> expected = TestFiles.framemd5(TestFiles.resourceText("/vp8/clip-96x64.framemd5"));

    @Test
    void everyPictureMatchesFfmpegAndCarriesItsTimestamp() throws Exception {
        assertEquals(24, frames.size());
        try (VideoDecoder d = VideoDecoder.forCodec("vp8")) {
            assertEquals("VP8", d.codec());
            for (int i = 0; i < frames.size(); i++) {
                I420Frame f = d.decode(frames.get(i).data(), 1000L + i, i % 8 == 0).orElseThrow();
                assertEquals(96, f.width());
                assertEquals(64, f.height());
                assertEquals(1000L + i, f.rtpTimestamp());
                assertEquals(expected.get(i), Md5.hex(f.toPacked()), "picture " + i);
            }
            assertFalse(d.needsKeyFrame());
        }
    }

    @Test
    void theDecoderKeepsNoViewOfItsBuffersInPicturesItReturned() throws Exception {
        try (VideoDecoder d = VideoDecoder.forCodec("VP8")) {
            I420Frame first = d.decode(frames.get(0).data(), 0, true).orElseThrow();
            byte[] before = first.toPacked();
            d.decode(frames.get(1).data(), 1, false);
            assertArrayEquals(before, first.toPacked());
        }
    }

    @Test
    void interFrameFirstNeedsAKeyFrame() {
        try (VideoDecoder d = VideoDecoder.forCodec("VP8")) {
            DecodeException e = assertThrows(DecodeException.class, () -> d.decode(frames.get(1).data(), 0, false));
            assertTrue(e.needsKeyFrame());
            assertTrue(d.needsKeyFrame());
        }
    }

    @Test
    void truncatedFrameAsksForAKeyFrameAndTheNextKeyFrameRecovers() throws Exception {
        try (VideoDecoder d = VideoDecoder.forCodec("VP8")) {
            for (int i = 0; i < 3; i++) {
                d.decode(frames.get(i).data(), i, false);
            }
            byte[] truncated = Arrays.copyOf(frames.get(3).data(), 5);
            DecodeException e = assertThrows(DecodeException.class, () -> d.decode(truncated, 3, false));
            assertTrue(e.needsKeyFrame());
            for (int i = 4; i < 8; i++) {
                int n = i;
                assertTrue(assertThrows(DecodeException.class, () -> d.decode(frames.get(n).data(), n, false))
                        .needsKeyFrame(), "inter frame " + i + " is refused");
            }
            for (int i = 8; i < frames.size(); i++) {
                I420Frame f = d.decode(frames.get(i).data(), i, i == 8).orElseThrow();
                assertEquals(expected.get(i), Md5.hex(f.toPacked()), "picture " + i + " after recovery");
            }
            assertFalse(d.needsKeyFrame());
        }
    }

    @Test
    void unknownCodecIsAClearError() {
        IllegalArgumentException e = assertThrows(dev.jrtc.media.UnsupportedCodecException.class,
                () -> VideoDecoder.forCodec("VP9"));
        assertTrue(e.getMessage().contains("VP9"));
    }
}
