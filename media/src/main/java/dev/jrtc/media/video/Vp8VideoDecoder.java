package dev.jrtc.media.video;

import dev.jrtc.vp8.Vp8DecodeException;
import dev.jrtc.vp8.Vp8Decoder;
import dev.jrtc.vp8.Vp8Frame;
import java.util.Optional;

/** VP8 through our own {@link Vp8Decoder}; each picture is copied out of the decoder's buffers. */
final class Vp8VideoDecoder implements VideoDecoder {
    private Vp8Decoder decoder = new Vp8Decoder();

    @Override
    public Optional<I420Frame> decode(byte[] encodedFrame, long rtpTimestamp, boolean keyFrame) throws DecodeException {
        if (decoder == null) {
            throw new IllegalStateException("decoder is closed");
        }
        Vp8Frame f;
        try {
            f = decoder.decode(encodedFrame, 0, encodedFrame.length);
        } catch (Vp8DecodeException e) {
            throw new DecodeException("VP8: " + e.getMessage(), e.needsKeyFrame(), e);
        } catch (RuntimeException e) {
            // The decoder is meant to reject every bad frame itself; this is a safety net.
            throw new DecodeException("VP8 decoder failed: " + e, true, e);
        }
        if (f == null) {
            return Optional.empty();
        }
        return Optional.of(copy(f, rtpTimestamp));
    }

    /** The decoder reuses its buffers, so the picture is copied into planes of its own. */
    private static I420Frame copy(Vp8Frame f, long rtpTimestamp) {
        int w = f.width();
        int h = f.height();
        int cw = f.chromaWidth();
        int ch = f.chromaHeight();
        byte[] y = new byte[w * h];
        byte[] u = new byte[cw * ch];
        byte[] v = new byte[cw * ch];
        for (int r = 0; r < h; r++) {
            System.arraycopy(f.planeY(), r * f.strideY(), y, r * w, w);
        }
        for (int r = 0; r < ch; r++) {
            System.arraycopy(f.planeU(), r * f.strideUv(), u, r * cw, cw);
            System.arraycopy(f.planeV(), r * f.strideUv(), v, r * cw, cw);
        }
        return new I420Frame(w, h, y, w, u, cw, v, cw, rtpTimestamp);
    }

    @Override
    public boolean needsKeyFrame() {
        return decoder == null || decoder.needsKeyFrame();
    }

    @Override
    public String codec() {
        return "VP8";
    }

    @Override
    public void close() {
        decoder = null;
    }
}
