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
public final class ImageSource extends H264PictureSource {
    private final BufferedImage canvas;
    private volatile BufferedImage latest;
    private BufferedImage drawn;
    private I420Frame current;

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
        super(width, height, fps, keyInterval);
        this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.current = I420Frame.fromBufferedImage(canvas);
    }

    /** Sets the picture to send from the next frame on. The image must not change afterwards. */
    public void setImage(BufferedImage image) {
        latest = Objects.requireNonNull(image, "image");
    }

    @Override
    I420Frame picture(long n) {
        BufferedImage img = latest;
        if (img != null && img != drawn) {
            Graphics2D g = canvas.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(img, 0, 0, width(), height(), null);
            } finally {
                g.dispose();
            }
            current = I420Frame.fromBufferedImage(canvas);
            drawn = img;
        }
        return current;
    }
}
