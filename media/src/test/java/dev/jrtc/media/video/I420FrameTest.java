package dev.jrtc.media.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.Ffmpeg;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class I420FrameTest {
    @TempDir
    Path dir;

    /**
     * A picture with gradients and noise, every sample inside the legal limited range (luma
     * 16-235, chroma 16-240); many of its colours still fall outside the RGB cube and clamp.
     */
    static I420Frame samplePicture(int w, int h, long seed) {
        Random r = new Random(seed);
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        byte[] packed = new byte[w * h + 2 * cw * ch];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                packed[y * w + x] = (byte) (16 + Math.min(219, x * 219 / w + r.nextInt(12)));
            }
        }
        for (int i = 0; i < cw * ch; i++) {
            packed[w * h + i] = (byte) (16 + i * 7 % 225);
            packed[w * h + cw * ch + i] = (byte) (240 - i * 13 % 225);
        }
        return I420Frame.fromPacked(w, h, packed, 0);
    }

    @Test
    void toBufferedImageAgreesWithFfmpegWithinTwoPerChannel() throws Exception {
        Ffmpeg.assumeInstalled("ffmpeg");
        // Even size: with odd sizes ffmpeg's scaler places chroma samples differently from 2x2 blocks.
        int w = 66;
        int h = 44;
        I420Frame f = samplePicture(w, h, 1);
        Path yuv = dir.resolve("in.yuv");
        Files.write(yuv, f.toPacked());
        // Point-sampled chroma and exact rounding, so only the matrix is compared.
        byte[] rgb = Ffmpeg.run("ffmpeg", "-v", "error", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", w + "x" + h,
                "-i", yuv.toString(), "-sws_flags", "neighbor+accurate_rnd+full_chroma_int+full_chroma_inp",
                "-pix_fmt", "rgb24", "-f", "rawvideo", "-");
        assertEquals(w * h * 3, rgb.length);
        BufferedImage img = f.toBufferedImage();
        assertEquals(BufferedImage.TYPE_INT_RGB, img.getType());
        int worst = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                int o = (y * w + x) * 3;
                worst = Math.max(worst, Math.abs(((p >> 16) & 0xFF) - (rgb[o] & 0xFF)));
                worst = Math.max(worst, Math.abs(((p >> 8) & 0xFF) - (rgb[o + 1] & 0xFF)));
                worst = Math.max(worst, Math.abs((p & 0xFF) - (rgb[o + 2] & 0xFF)));
            }
        }
        assertTrue(worst <= 2, "largest difference from ffmpeg: " + worst);
    }

    @Test
    void fromBufferedImageAgreesWithFfmpegWithinTwo() throws Exception {
        Ffmpeg.assumeInstalled("ffmpeg");
        int w = 64;
        int h = 48;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // 2x2 blocks of one colour, so chroma averaging cannot differ from ffmpeg's filter.
                int c = new Random((y / 2) * 1000L + x / 2).nextInt(0x1000000);
                img.setRGB(x, y, c);
                int o = (y * w + x) * 3;
                rgb[o] = (byte) (c >> 16);
                rgb[o + 1] = (byte) (c >> 8);
                rgb[o + 2] = (byte) c;
            }
        }
        Path in = dir.resolve("in.rgb");
        Files.write(in, rgb);
        byte[] yuv = Ffmpeg.run("ffmpeg", "-v", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", w + "x" + h,
                "-i", in.toString(), "-sws_flags", "neighbor+accurate_rnd+full_chroma_int",
                "-pix_fmt", "yuv420p", "-f", "rawvideo", "-");
        byte[] ours = I420Frame.fromBufferedImage(img).toPacked();
        assertEquals(yuv.length, ours.length);
        int worst = 0;
        for (int i = 0; i < ours.length; i++) {
            worst = Math.max(worst, Math.abs((ours[i] & 0xFF) - (yuv[i] & 0xFF)));
        }
        assertTrue(worst <= 2, "largest difference from ffmpeg: " + worst);
    }

    @Test
    void referenceColoursFollowTheBt601Formula() {
        // Limited range: Y 16 is black, 235 white; (81, 90, 240) is BT.601 red.
        assertEquals(0x000000, rgbOf(16, 128, 128));
        assertEquals(0xFFFFFF, rgbOf(235, 128, 128));
        assertEquals(0x808080, rgbOf(126, 128, 128)); // (126 - 16) * 255 / 219 = 128.08
        assertNear(0xFF0000, rgbOf(81, 90, 240));
        assertNear(0x00FF00, rgbOf(145, 54, 34));
        assertNear(0x0000FF, rgbOf(41, 240, 110));
        // Out-of-range codes clamp instead of wrapping.
        assertEquals(0x000000, rgbOf(0, 128, 128));
        assertEquals(0xFFFFFF, rgbOf(255, 128, 128));
    }

    @Test
    void rgbToYuvFollowsTheBt601Formula() {
        assertArrayEquals(new int[] {16, 128, 128}, yuvOf(0x000000));
        assertArrayEquals(new int[] {235, 128, 128}, yuvOf(0xFFFFFF));
        assertArrayEquals(new int[] {81, 90, 240}, yuvOf(0xFF0000));
        assertArrayEquals(new int[] {145, 54, 34}, yuvOf(0x00FF00));
        assertArrayEquals(new int[] {41, 240, 110}, yuvOf(0x0000FF));
    }

    @Test
    void roundTripThroughRgbStaysClose() {
        // Mid luma and chroma near grey keep every colour inside the RGB cube, so nothing is clamped.
        byte[] packed = samplePicture(32, 32, 5).toPacked();
        for (int i = 0; i < 32 * 32; i++) {
            packed[i] = (byte) (40 + (packed[i] & 0xFF) * 170 / 255);
        }
        for (int i = 32 * 32; i < packed.length; i++) {
            packed[i] = (byte) (118 + (i % 21));
        }
        I420Frame f = I420Frame.fromPacked(32, 32, packed, 0);
        I420Frame back = I420Frame.fromBufferedImage(f.toBufferedImage());
        byte[] a = f.toPacked();
        byte[] b = back.toPacked();
        int worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)));
        }
        assertTrue(worst <= 2, "a sample moved by " + worst);
    }

    @Test
    void stridesAndPackedLayout() {
        byte[] y = new byte[10 * 3];
        byte[] u = new byte[8 * 2];
        byte[] v = new byte[8 * 2];
        for (int i = 0; i < y.length; i++) {
            y[i] = (byte) i;
        }
        u[8] = 42;
        v[9] = 43;
        I420Frame f = new I420Frame(3, 3, y, 10, u, 8, v, 8, 99);
        assertEquals(2, f.chromaWidth());
        byte[] p = f.toPacked();
        assertEquals(9 + 4 + 4, p.length);
        assertArrayEquals(new byte[] {0, 1, 2, 10, 11, 12, 20, 21, 22}, java.util.Arrays.copyOf(p, 9));
        assertEquals(42, p[9 + 2]);
        assertEquals(43, p[13 + 3]);
        assertEquals(99, f.rtpTimestamp());
        assertEquals(7, f.withRtpTimestamp(7).rtpTimestamp());
    }

    @Test
    void badPlanesAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> new I420Frame(0, 2, new byte[4], 2, new byte[1], 1,
                new byte[1], 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new I420Frame(4, 4, new byte[15], 4, new byte[4], 2,
                new byte[4], 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new I420Frame(4, 4, new byte[16], 3, new byte[4], 2,
                new byte[4], 2, 0));
        assertThrows(IllegalArgumentException.class, () -> I420Frame.fromPacked(4, 4, new byte[23], 0));
    }

    @Test
    void jpegAndPngHelpersWriteReadableFiles() throws Exception {
        BufferedImage img = samplePicture(40, 30, 9).toBufferedImage();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Images.toPng(img)));
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                assertEquals(img.getRGB(x, y), png.getRGB(x, y));
            }
        }
        byte[] good = Images.toJpeg(img, 0.95f);
        byte[] poor = Images.toJpeg(img, 0.1f);
        assertEquals(0xFF, good[0] & 0xFF);
        assertEquals(0xD8, good[1] & 0xFF);
        assertTrue(poor.length < good.length);
        BufferedImage jpeg = ImageIO.read(new ByteArrayInputStream(good));
        assertEquals(40, jpeg.getWidth());
        assertEquals(30, jpeg.getHeight());
        assertThrows(IllegalArgumentException.class, () -> Images.toJpeg(img, 1.5f));
    }

    private static int rgbOf(int y, int u, int v) {
        return I420Frame.fromPacked(2, 2, new byte[] {(byte) y, (byte) y, (byte) y, (byte) y, (byte) u, (byte) v}, 0)
                .toBufferedImage().getRGB(1, 1) & 0xFFFFFF;
    }

    private static int[] yuvOf(int rgb) {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 4; i++) {
            img.setRGB(i % 2, i / 2, rgb);
        }
        byte[] p = I420Frame.fromBufferedImage(img).toPacked();
        return new int[] {p[0] & 0xFF, p[4] & 0xFF, p[5] & 0xFF};
    }

    private static void assertNear(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xFF;
            int a = (actual >> shift) & 0xFF;
            assertTrue(Math.abs(e - a) <= 2, String.format("expected %06x, got %06x", expected, actual));
        }
    }
}
