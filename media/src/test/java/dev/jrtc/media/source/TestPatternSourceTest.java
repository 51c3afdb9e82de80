package dev.jrtc.media.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.Ffmpeg;
import dev.jrtc.media.Md5;
import dev.jrtc.media.record.AnnexBWriter;
import dev.jrtc.media.video.I420Frame;
import dev.jrtc.media.video.VideoDecoder;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPatternSourceTest {
    @TempDir
    Path dir;

    @Test
    void ffmpegDecodesThePatternToTheSamePicturesAsWeDo() throws Exception {
        Ffmpeg.assumeInstalled("ffmpeg");
        TestPatternSource source = new TestPatternSource(176, 144, 30, 15);
        Path file = dir.resolve("pattern.h264");
        List<String> ours = new ArrayList<>();
        try (AnnexBWriter w = new AnnexBWriter(file); VideoDecoder d = VideoDecoder.forCodec("H264")) {
            for (int i = 0; i < 40; i++) {
                EncodedMediaFrame f = source.next();
                assertEquals("H264", f.codec());
                assertEquals(i * 3000L, f.rtpTimestamp());
                assertEquals(i % 15 == 0, f.keyFrame(), "frame " + i);
                w.write(f.data(), f.rtpTimestamp(), f.keyFrame());
                I420Frame pic = d.decode(f.data(), f.rtpTimestamp(), f.keyFrame()).orElseThrow();
                assertEquals(176, pic.width());
                assertEquals(144, pic.height());
                ours.add(Md5.hex(pic.toPacked()));
            }
        }
        assertEquals(ours, Ffmpeg.frameMd5s(file));
        Map<String, String> probe = Ffmpeg.probe(file);
        assertEquals("h264", probe.get("codec_name"));
        assertEquals("176", probe.get("width"));
        assertEquals("144", probe.get("height"));
        assertEquals("40", probe.get("nb_read_frames"));
    }

    @Test
    void oddMacroblockSizeIsCropped() throws Exception {
        TestPatternSource source = new TestPatternSource(90, 50, 10);
        try (VideoDecoder d = VideoDecoder.forCodec("H264")) {
            I420Frame pic = d.decode(source.next().data(), 0, true).orElseThrow();
            assertEquals(90, pic.width());
            assertEquals(50, pic.height());
        }
    }

    @Test
    void thePatternMovesAndTheCounterChanges() {
        TestPatternSource source = new TestPatternSource(64, 48, 25);
        BufferedImage a = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        source.render(a, 1);
        source.render(b, 2);
        int bandDiff = 0;
        int pictureDiff = 0;
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    if (y >= 48 - 13) {
                        bandDiff++;
                    } else {
                        pictureDiff++;
                    }
                }
            }
        }
        assertTrue(pictureDiff > 50, "pattern moved: " + pictureDiff);
        assertTrue(bandDiff > 0, "digits changed");
        BufferedImage again = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        source.render(again, 1);
        assertEquals(a.getRGB(10, 10), again.getRGB(10, 10));
    }

    @Test
    void keyFrameOnRequest() {
        TestPatternSource source = new TestPatternSource(32, 32, 30, 100);
        assertTrue(source.next().keyFrame());
        assertFalse(source.next().keyFrame());
        source.requestKeyFrame();
        EncodedMediaFrame f = source.next();
        assertTrue(f.keyFrame());
        assertEquals(2 * 3000L, f.rtpTimestamp());
        assertFalse(source.next().keyFrame());
    }

    @Test
    void badSizesAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> new TestPatternSource(33, 32, 30));
        assertThrows(IllegalArgumentException.class, () -> new TestPatternSource(8, 8, 30));
        assertThrows(IllegalArgumentException.class, () -> new TestPatternSource(32, 32, 0));
    }

    @Test
    void imageSourceSendsTheUsersPicture() throws Exception {
        ImageSource source = new ImageSource(64, 48, 15);
        BufferedImage orange = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = orange.createGraphics();
        g.setColor(new Color(240, 140, 20));
        g.fillRect(0, 0, 32, 24);
        g.dispose();
        try (VideoDecoder d = VideoDecoder.forCodec("H264")) {
            EncodedMediaFrame black = source.next();
            assertTrue(black.keyFrame());
            int dark = d.decode(black.data(), 0, true).orElseThrow().toBufferedImage().getRGB(30, 20);
            assertTrue(((dark >> 8) & 0xFF) < 10, Integer.toHexString(dark));
            source.setImage(orange);
            EncodedMediaFrame f = source.next();
            assertEquals(6000L, f.rtpTimestamp());
            int rgb = d.decode(f.data(), f.rtpTimestamp(), f.keyFrame()).orElseThrow().toBufferedImage().getRGB(30, 20);
            assertNotEquals(dark, rgb);
            assertEquals(240, (rgb >> 16) & 0xFF, 8);
            assertEquals(140, (rgb >> 8) & 0xFF, 8);
            assertEquals(20, rgb & 0xFF, 8);
        }
    }
}
