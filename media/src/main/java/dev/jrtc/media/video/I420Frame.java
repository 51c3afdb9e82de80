package dev.jrtc.media.video;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A decoded picture in I420 (YUV 4:2:0, 8 bits): a full-size luma plane and two chroma planes of
 * {@code (width + 1) / 2} x {@code (height + 1) / 2} samples, each with its own row stride.
 *
 * <p>Immutable by convention: the plane arrays are shared, not copied, so callers must not modify
 * them. Decoders hand out a fresh frame per picture, so a frame may be kept as long as needed.
 */
public final class I420Frame {
    private final int width;
    private final int height;
    private final byte[] y;
    private final byte[] u;
    private final byte[] v;
    private final int strideY;
    private final int strideU;
    private final int strideV;
    private final long rtpTimestamp;

    /**
     * @throws IllegalArgumentException if a size is not positive or a plane is too small for its
     *     stride and the picture size
     */
    public I420Frame(int width, int height, byte[] y, int strideY, byte[] u, int strideU,
            byte[] v, int strideV, long rtpTimestamp) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("picture size must be positive: " + width + "x" + height);
        }
        int cw = (width + 1) / 2;
        int ch = (height + 1) / 2;
        checkPlane("Y", y, strideY, width, height);
        checkPlane("U", u, strideU, cw, ch);
        checkPlane("V", v, strideV, cw, ch);
        this.width = width;
        this.height = height;
        this.y = y;
        this.u = u;
        this.v = v;
        this.strideY = strideY;
        this.strideU = strideU;
        this.strideV = strideV;
        this.rtpTimestamp = rtpTimestamp;
    }

    private static void checkPlane(String name, byte[] plane, int stride, int w, int h) {
        Objects.requireNonNull(plane, name + " plane");
        if (stride < w) {
            throw new IllegalArgumentException(name + " stride " + stride + " < width " + w);
        }
        if ((long) stride * (h - 1) + w > plane.length) {
            throw new IllegalArgumentException(name + " plane of " + plane.length + " bytes is too small for "
                    + w + "x" + h + " with stride " + stride);
        }
    }

    /**
     * A frame over packed I420 bytes (Y rows, then U rows, then V rows, no padding), the layout of
     * {@code vpxdec --i420} and ffmpeg's {@code -pix_fmt yuv420p}. The bytes are copied.
     */
    public static I420Frame fromPacked(int width, int height, byte[] i420, long rtpTimestamp) {
        int cw = (width + 1) / 2;
        int ch = (height + 1) / 2;
        int ySize = width * height;
        int cSize = cw * ch;
        if (width <= 0 || height <= 0 || i420.length < ySize + 2 * cSize) {
            throw new IllegalArgumentException(i420.length + " bytes are not an I420 picture of " + width + "x" + height);
        }
        byte[] yy = java.util.Arrays.copyOfRange(i420, 0, ySize);
        byte[] uu = java.util.Arrays.copyOfRange(i420, ySize, ySize + cSize);
        byte[] vv = java.util.Arrays.copyOfRange(i420, ySize + cSize, ySize + 2 * cSize);
        return new I420Frame(width, height, yy, width, uu, cw, vv, cw, rtpTimestamp);
    }

    /** @return picture width in pixels */
    public int width() {
        return width;
    }

    /** @return picture height in pixels */
    public int height() {
        return height;
    }

    /** @return chroma plane width, {@code (width + 1) / 2} */
    public int chromaWidth() {
        return (width + 1) / 2;
    }

    /** @return chroma plane height, {@code (height + 1) / 2} */
    public int chromaHeight() {
        return (height + 1) / 2;
    }

    /** @return the luma plane; do not modify */
    public byte[] y() {
        return y;
    }

    /** @return the Cb plane; do not modify */
    public byte[] u() {
        return u;
    }

    /** @return the Cr plane; do not modify */
    public byte[] v() {
        return v;
    }

    /** @return bytes from one luma row to the next */
    public int strideY() {
        return strideY;
    }

    /** @return bytes from one Cb row to the next */
    public int strideU() {
        return strideU;
    }

    /** @return bytes from one Cr row to the next */
    public int strideV() {
        return strideV;
    }

    /** @return the RTP timestamp of the frame this picture was decoded from (0 if none) */
    public long rtpTimestamp() {
        return rtpTimestamp;
    }

    /** @return the same picture with another RTP timestamp (planes shared) */
    public I420Frame withRtpTimestamp(long timestamp) {
        return new I420Frame(width, height, y, strideY, u, strideU, v, strideV, timestamp);
    }

    /** @return the picture as packed I420 bytes (no padding), as {@code ffmpeg -pix_fmt yuv420p} writes it */
    public byte[] toPacked() {
        int cw = chromaWidth();
        int ch = chromaHeight();
        byte[] out = new byte[width * height + 2 * cw * ch];
        int o = 0;
        for (int r = 0; r < height; r++, o += width) {
            System.arraycopy(y, r * strideY, out, o, width);
        }
        for (int r = 0; r < ch; r++, o += cw) {
            System.arraycopy(u, r * strideU, out, o, cw);
        }
        for (int r = 0; r < ch; r++, o += cw) {
            System.arraycopy(v, r * strideV, out, o, cw);
        }
        return out;
    }

    /** Writes the picture as packed I420. */
    public void writePacked(OutputStream out) throws IOException {
        int cw = chromaWidth();
        int ch = chromaHeight();
        for (int r = 0; r < height; r++) {
            out.write(y, r * strideY, width);
        }
        for (int r = 0; r < ch; r++) {
            out.write(u, r * strideU, cw);
        }
        for (int r = 0; r < ch; r++) {
            out.write(v, r * strideV, cw);
        }
    }

    /**
     * Converts to RGB with the BT.601 matrix for limited-range (16–235 luma, 16–240 chroma) video,
     * which is what WebRTC's VP8 and H.264 carry. Each chroma sample covers its 2x2 pixels.
     *
     * @return a new {@link BufferedImage#TYPE_INT_RGB} image
     */
    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        Bt601.toRgb(this, rgb);
        return img;
    }

    /**
     * Converts an image to I420 with the BT.601 limited-range matrix; chroma is the average of each
     * 2x2 block. Any image type is accepted (it is read through {@link BufferedImage#getRGB}).
     *
     * @return a new frame with RTP timestamp 0
     */
    public static I420Frame fromBufferedImage(BufferedImage image) {
        return Bt601.fromRgb(image);
    }

    @Override
    public String toString() {
        return "I420Frame[" + width + "x" + height + ", ts=" + rtpTimestamp + "]";
    }
}
