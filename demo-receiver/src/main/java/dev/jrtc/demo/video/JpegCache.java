package dev.jrtc.demo.video;

import dev.jrtc.media.video.I420Frame;
import dev.jrtc.media.video.Images;
import java.util.Optional;

/**
 * The latest decoded picture of a stream as JPEG, encoded only when asked for and only once per
 * picture, however many viewers ask.
 */
public final class JpegCache {
    private static final float QUALITY = 0.8f;

    private record Encoded(I420Frame source, byte[] jpeg) {
    }

    private final VideoDecoding video;
    private volatile Encoded last;

    /** @param video the stream whose latest picture is served */
    public JpegCache(VideoDecoding video) {
        this.video = video;
    }

    /** The latest picture as JPEG, if one was decoded. */
    public Optional<byte[]> latest() {
        Optional<I420Frame> p = video.latest();
        if (p.isEmpty()) {
            return Optional.empty();
        }
        Encoded e = last;
        if (e == null || e.source() != p.get()) {
            synchronized (this) {
                e = last;
                if (e == null || e.source() != p.get()) {
                    e = new Encoded(p.get(), Images.toJpeg(p.get().toBufferedImage(), QUALITY));
                    last = e;
                }
            }
        }
        return Optional.of(e.jpeg());
    }
}
