package dev.jrtc.vp8;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A decoded picture in I420 layout. The planes are the decoder's macroblock-aligned buffers; the
 * visible picture is the top-left {@link #width()} x {@link #height()} luma pixels and
 * {@link #chromaWidth()} x {@link #chromaHeight()} chroma pixels of each chroma plane.
 *
 * <p>The frame is a view of the decoder's memory: it stays valid only until the next call to
 * {@link Vp8Decoder#decode}. Copy it ({@link #copyI420(byte[], int)}) to keep it.
 */
public final class Vp8Frame {
    private final int width;
    private final int height;
    private final int strideY;
    private final int strideUv;
    private final byte[] y;
    private final byte[] u;
    private final byte[] v;
    private boolean keyFrame;
    private int horizontalScale;
    private int verticalScale;

    Vp8Frame(int width, int height, FrameBuffer buffer) {
        this.width = width;
        this.height = height;
        this.strideY = buffer.width;
        this.strideUv = buffer.chromaWidth;
        this.y = buffer.y;
        this.u = buffer.u;
        this.v = buffer.v;
    }

    void setFrameInfo(boolean keyFrame, int horizontalScale, int verticalScale) {
        this.keyFrame = keyFrame;
        this.horizontalScale = horizontalScale;
        this.verticalScale = verticalScale;
    }

    /** @return display width in pixels */
    public int width() {
        return width;
    }

    /** @return display height in pixels */
    public int height() {
        return height;
    }

    /** @return visible chroma width, {@code (width + 1) / 2} */
    public int chromaWidth() {
        return (width + 1) / 2;
    }

    /** @return visible chroma height, {@code (height + 1) / 2} */
    public int chromaHeight() {
        return (height + 1) / 2;
    }

    /** @return the luma plane (row {@code r} starts at {@code r * strideY()}) */
    public byte[] planeY() {
        return y;
    }

    /** @return the U (Cb) plane */
    public byte[] planeU() {
        return u;
    }

    /** @return the V (Cr) plane */
    public byte[] planeV() {
        return v;
    }

    /** @return bytes between luma rows */
    public int strideY() {
        return strideY;
    }

    /** @return bytes between chroma rows */
    public int strideUv() {
        return strideUv;
    }

    /** @return whether this picture came from a key frame */
    public boolean keyFrame() {
        return keyFrame;
    }

    /**
     * @return the horizontal upscaling the stream asks for: 0 none, 1 by 5/4, 2 by 5/3, 3 by 2
     *     (RFC 6386 9.1). The decoder reports it and does not apply it.
     */
    public int horizontalScale() {
        return horizontalScale;
    }

    /** @return the vertical upscaling code, as {@link #horizontalScale()} */
    public int verticalScale() {
        return verticalScale;
    }

    /** @return the size of the visible picture in packed I420 */
    public int i420Size() {
        return width * height + 2 * chromaWidth() * chromaHeight();
    }

    /** Copies the visible picture as packed I420 (Y, then U, then V, no padding) into {@code dst}. */
    public void copyI420(byte[] dst, int off) {
        int o = off;
        for (int r = 0; r < height; r++) {
            System.arraycopy(y, r * strideY, dst, o, width);
            o += width;
        }
        int cw = chromaWidth();
        int ch = chromaHeight();
        for (int r = 0; r < ch; r++) {
            System.arraycopy(u, r * strideUv, dst, o, cw);
            o += cw;
        }
        for (int r = 0; r < ch; r++) {
            System.arraycopy(v, r * strideUv, dst, o, cw);
            o += cw;
        }
    }

    /** Writes the visible picture as packed I420, like {@code vpxdec --i420}. */
    public void writeI420(OutputStream out) throws IOException {
        for (int r = 0; r < height; r++) {
            out.write(y, r * strideY, width);
        }
        int cw = chromaWidth();
        int ch = chromaHeight();
        for (int r = 0; r < ch; r++) {
            out.write(u, r * strideUv, cw);
        }
        for (int r = 0; r < ch; r++) {
            out.write(v, r * strideUv, cw);
        }
    }
}
