package dev.jrtc.media.source;

import dev.jrtc.media.video.I420Frame;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * A moving test pattern encoded to H.264: colour bars that scroll, a box that bounces, and the
 * frame counter and media time drawn as digits, so a receiver can read which frame it sees and
 * whether the picture moves. Deterministic: frame {@code n} always looks the same.
 */
public final class TestPatternSource implements EncodedVideoSource {
    private static final Color[] BARS = {Color.WHITE, Color.YELLOW, Color.CYAN, Color.GREEN, Color.MAGENTA,
        Color.RED, Color.BLUE, Color.BLACK};
    private static final int VIDEO_CLOCK = 90_000;

    private final int width;
    private final int height;
    private final int fps;
    private final H264PictureEncoder encoder;
    private final BufferedImage canvas;
    private long frameIndex;

    /** A source with an IDR every two seconds. */
    public TestPatternSource(int width, int height, int fps) {
        this(width, height, fps, 2 * fps);
    }

    /**
     * @param width even, at least 16
     * @param height even, at least 16
     * @param fps frames per second, 1 to 120
     * @param keyInterval frames from one IDR to the next
     */
    public TestPatternSource(int width, int height, int fps, int keyInterval) {
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("test pattern needs at least 16x16: " + width + "x" + height);
        }
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("fps must be 1..120: " + fps);
        }
        if (keyInterval < 1) {
            throw new IllegalArgumentException("keyInterval must be positive: " + keyInterval);
        }
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.encoder = new H264PictureEncoder(width, height, keyInterval);
        this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    @Override
    public EncodedMediaFrame next() {
        long n = frameIndex++;
        render(canvas, n);
        H264PictureEncoder.Encoded e = encoder.encode(I420Frame.fromBufferedImage(canvas));
        return new EncodedMediaFrame("H264", e.data(), e.keyFrame(), n * VIDEO_CLOCK / fps);
    }

    /** Draws frame {@code n} of the pattern into {@code img}. */
    void render(BufferedImage img, long n) {
        Graphics2D g = img.createGraphics();
        try {
            int barWidth = Math.max(1, width / BARS.length);
            int shift = (int) (n * 2 % width);
            for (int x = 0; x < width; x++) {
                int bar = (((x + shift) % width) / barWidth) % BARS.length;
                g.setColor(BARS[bar]);
                g.fillRect(x, 0, 1, height);
            }
            int box = Math.max(4, Math.min(width, height) / 6);
            g.setColor(Color.DARK_GRAY);
            g.fillRect(bounce(n * 3, width - box), bounce(n * 2, height - box), box, box);
            int digitHeight = Math.max(8, height / 10);
            int bandHeight = 2 * digitHeight + digitHeight / 2 + 4;
            g.setColor(Color.BLACK);
            g.fillRect(0, height - bandHeight, width, bandHeight);
            g.setColor(Color.WHITE);
            SevenSegment.draw(g, String.format("%06d", n), 2, height - bandHeight + 2, digitHeight);
            SevenSegment.draw(g, mediaTime(n), 2, height - digitHeight - 2, digitHeight);
        } finally {
            g.dispose();
        }
    }

    private String mediaTime(long n) {
        long ms = n * 1000 / fps;
        return String.format("%02d:%02d.%03d", ms / 60_000 % 100, ms / 1000 % 60, ms % 1000);
    }

    /** Position moving back and forth between 0 and {@code range}. */
    private static int bounce(long t, int range) {
        if (range <= 0) {
            return 0;
        }
        long p = t % (2L * range);
        return (int) (p <= range ? p : 2L * range - p);
    }

    @Override
    public void requestKeyFrame() {
        encoder.forceKeyFrame();
    }

    @Override
    public String codec() {
        return "H264";
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int fps() {
        return fps;
    }
}
