package dev.jrtc.media.source;

import dev.jrtc.media.video.I420Frame;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Sends the user's pictures as H.264. {@link #setImage} may be called from any thread at any rate;
 * each {@link #next()} encodes the latest picture (scaled to the source's size), so a still image
 * keeps being sent. Before the first picture the source sends black.
 */
public final class ImageSource implements EncodedVideoSource {
    private static final int VIDEO_CLOCK = 90_000;
    private final int width;
    private final int height;
    private final int fps;
    private final H264PictureEncoder encoder;
    private final BufferedImage canvas;
    private volatile BufferedImage latest;
    private BufferedImage drawn;
    private I420Frame current;
    private long frameIndex;

    /** A source with an IDR every two seconds. */
    public ImageSource(int width, int height, int fps) {
        this(width, height, fps, 2 * fps);
    }

    /**
     * @param width even picture width
     * @param height even picture height
     * @param fps frames per second
     * @param keyInterval frames from one IDR to the next
     */
    public ImageSource(int width, int height, int fps, int keyInterval) {
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("fps must be 1..120: " + fps);
        }
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.encoder = new H264PictureEncoder(width, height, keyInterval);
        this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.current = I420Frame.fromBufferedImage(canvas);
    }

    /** Sets the picture to send from the next frame on. The image must not change afterwards. */
    public void setImage(BufferedImage image) {
        latest = Objects.requireNonNull(image, "image");
    }

    @Override
    public EncodedMediaFrame next() {
        BufferedImage img = latest;
        if (img != null && img != drawn) {
            Graphics2D g = canvas.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(img, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            current = I420Frame.fromBufferedImage(canvas);
            drawn = img;
        }
        long n = frameIndex++;
        H264PictureEncoder.Encoded e = encoder.encode(current);
        return new EncodedMediaFrame("H264", e.data(), e.keyFrame(), n * VIDEO_CLOCK / fps);
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
