package dev.jrtc.media.source;

import dev.jrtc.media.video.I420Frame;
import java.nio.ByteBuffer;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.VideoEncoder.EncodedFrame;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;

/**
 * Encodes pictures to H.264 Baseline (Annex B, SPS and PPS before every IDR) with jcodec's encoder
 * at a constant quantizer. Not thread-safe: one caller at a time.
 */
public final class H264PictureEncoder {
    private final int width;
    private final int height;
    private final int keyInterval;
    private final Picture picture;
    private final ByteBuffer out;
    private H264Encoder encoder;

    /**
     * An encoder for pictures of one size.
     *
     * @param width even picture width
     * @param height even picture height
     * @param keyInterval frames from one IDR to the next
     */
    public H264PictureEncoder(int width, int height, int keyInterval) {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("H.264 picture size must be positive and even: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.keyInterval = keyInterval;
        int codedW = (width + 15) & ~15;
        int codedH = (height + 15) & ~15;
        this.picture = Picture.createCropped(codedW, codedH, ColorSpace.YUV420J, new Rect(0, 0, width, height));
        this.out = ByteBuffer.allocate(codedW * codedH * 3 + 4096);
        this.encoder = newEncoder();
    }

    private H264Encoder newEncoder() {
        H264Encoder e = H264Encoder.createH264Encoder();
        e.setKeyInterval(keyInterval);
        return e;
    }

    /** Makes the next picture an IDR. A fresh encoder starts with an IDR; jcodec has no other way to force one mid-stream. */
    public void forceKeyFrame() {
        encoder = newEncoder();
    }

    /**
     * Encodes one picture.
     *
     * @param frame a picture of the encoder's size
     * @return the Annex B access unit and whether it is an IDR
     * @throws IllegalArgumentException if the picture has another size
     */
    public Encoded encode(I420Frame frame) {
        if (frame.width() != width || frame.height() != height) {
            throw new IllegalArgumentException("picture is " + frame.width() + "x" + frame.height()
                    + ", encoder is " + width + "x" + height);
        }
        fill(frame.y(), frame.strideY(), width, height, picture.getPlaneData(0), picture.getPlaneWidth(0),
                picture.getPlaneHeight(0));
        fill(frame.u(), frame.strideU(), width / 2, height / 2, picture.getPlaneData(1), picture.getPlaneWidth(1),
                picture.getPlaneHeight(1));
        fill(frame.v(), frame.strideV(), width / 2, height / 2, picture.getPlaneData(2), picture.getPlaneWidth(2),
                picture.getPlaneHeight(2));
        out.clear();
        EncodedFrame ef = encoder.encodeFrame(picture, out);
        ByteBuffer data = ef.getData();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return new Encoded(bytes, ef.isKeyFrame());
    }

    /**
     * The encoded access unit.
     *
     * @param data the Annex B bytes
     * @param keyFrame whether it is an IDR
     */
    public record Encoded(byte[] data, boolean keyFrame) {
    }

    /**
     * Copies a plane into jcodec's signed layout (sample - 128), repeating the last column and row
     * into the macroblock padding so the padding costs no bits.
     */
    private static void fill(byte[] src, int stride, int w, int h, byte[] dst, int dstW, int dstH) {
        for (int r = 0; r < dstH; r++) {
            int s = Math.min(r, h - 1) * stride;
            int d = r * dstW;
            for (int c = 0; c < w; c++) {
                dst[d + c] = (byte) ((src[s + c] & 0xFF) - 128);
            }
            byte edge = dst[d + w - 1];
            for (int c = w; c < dstW; c++) {
                dst[d + c] = edge;
            }
        }
    }
}
