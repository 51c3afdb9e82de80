package dev.jrtc.media.source;

import dev.jrtc.media.video.I420Frame;

/**
 * The part every picture-drawing H.264 source shares: size, frame rate, the encoder, the frame
 * counter and the 90 kHz timestamps. A subclass only says what frame {@code n} looks like.
 */
abstract class H264PictureSource implements EncodedVideoSource {
    private static final int VIDEO_CLOCK = 90_000;
    private final int width;
    private final int height;
    private final int fps;
    private final H264PictureEncoder encoder;
    private long frameIndex;

    H264PictureSource(int width, int height, int fps, int keyInterval) {
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
    }

    /** The picture for frame {@code n}, at this source's size. */
    abstract I420Frame picture(long n);

    @Override
    public final EncodedMediaFrame next() {
        long n = frameIndex++;
        H264PictureEncoder.Encoded e = encoder.encode(picture(n));
        return new EncodedMediaFrame("H264", e.data(), e.keyFrame(), n * VIDEO_CLOCK / fps);
    }

    @Override
    public final void requestKeyFrame() {
        encoder.forceKeyFrame();
    }

    @Override
    public final String codec() {
        return "H264";
    }

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final int height() {
        return height;
    }

    @Override
    public final int fps() {
        return fps;
    }
}
