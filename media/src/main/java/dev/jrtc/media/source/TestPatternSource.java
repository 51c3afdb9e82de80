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
public final class TestPatternSource extends H264PictureSource {
    private static final Color[] BARS = {Color.WHITE, Color.YELLOW, Color.CYAN, Color.GREEN, Color.MAGENTA,
        Color.RED, Color.BLUE, Color.BLACK};
    private final BufferedImage canvas;

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
        super(checkSize(width, height), height, fps, keyInterval);
        this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    private static int checkSize(int width, int height) {
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("test pattern needs at least 16x16: " + width + "x" + height);
        }
        return width;
    }

    @Override
    I420Frame picture(long n) {
        render(canvas, n);
        return I420Frame.fromBufferedImage(canvas);
    }

    /** Draws frame {@code n} of the pattern into {@code img}. */
    void render(BufferedImage img, long n) {
        Graphics2D g = img.createGraphics();
        try {
            int barWidth = Math.max(1, width() / BARS.length);
            int shift = (int) (n * 2 % width());
            for (int x = 0; x < width(); x++) {
                int bar = (((x + shift) % width()) / barWidth) % BARS.length;
                g.setColor(BARS[bar]);
                g.fillRect(x, 0, 1, height());
            }
            int box = Math.max(4, Math.min(width(), height()) / 6);
            g.setColor(Color.DARK_GRAY);
            g.fillRect(bounce(n * 3, width() - box), bounce(n * 2, height() - box), box, box);
            int digitHeight = Math.max(8, height() / 10);
            int bandHeight = 2 * digitHeight + digitHeight / 2 + 4;
            g.setColor(Color.BLACK);
            g.fillRect(0, height() - bandHeight, width(), bandHeight);
            g.setColor(Color.WHITE);
            SevenSegment.draw(g, String.format("%06d", n), 2, height() - bandHeight + 2, digitHeight);
            SevenSegment.draw(g, mediaTime(n), 2, height() - digitHeight - 2, digitHeight);
        } finally {
            g.dispose();
        }
    }

    private String mediaTime(long n) {
        long ms = n * 1000 / fps();
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
}
