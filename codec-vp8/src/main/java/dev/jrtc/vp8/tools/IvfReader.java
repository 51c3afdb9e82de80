package dev.jrtc.vp8.tools;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an IVF file: a 32-byte header ("DKIF", version, header size, fourcc, width, height, frame
 * rate, frame count), then frames, each with a 12-byte header (4-byte little-endian size, 8-byte
 * timestamp).
 */
public final class IvfReader {
    /** Frames larger than this are treated as a corrupt file rather than allocated. */
    private static final int MAX_FRAME = 64 << 20;

    private final DataInputStream in;
    private final String fourcc;
    private final int width;
    private final int height;
    private long timestamp;

    /** Reads the file header. */
    public IvfReader(InputStream in) throws IOException {
        this.in = new DataInputStream(in);
        byte[] h = new byte[32];
        this.in.readFully(h);
        if (h[0] != 'D' || h[1] != 'K' || h[2] != 'I' || h[3] != 'F') {
            throw new IOException("not an IVF file");
        }
        int headerSize = le16(h, 6);
        fourcc = new String(h, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
        width = le16(h, 12);
        height = le16(h, 14);
        if (headerSize > 32) {
            this.in.skipNBytes(headerSize - 32);
        }
    }

    /** @return the codec fourcc, "VP80" for VP8 */
    public String fourcc() {
        return fourcc;
    }

    /** @return the width the file header declares */
    public int width() {
        return width;
    }

    /** @return the height the file header declares */
    public int height() {
        return height;
    }

    /** @return the timestamp of the frame last returned by {@link #next()} */
    public long timestamp() {
        return timestamp;
    }

    /** @return the next frame's bytes, or {@code null} at the end of the file */
    public byte[] next() throws IOException {
        byte[] fh = new byte[12];
        int n = in.readNBytes(fh, 0, 12);
        if (n == 0) {
            return null;
        }
        if (n < 12) {
            throw new EOFException("truncated IVF frame header");
        }
        long size = le32(fh, 0) & 0xFFFFFFFFL;
        if (size > MAX_FRAME) {
            throw new IOException("IVF frame of " + size + " bytes");
        }
        timestamp = (le32(fh, 4) & 0xFFFFFFFFL) | ((long) le32(fh, 8) << 32);
        byte[] frame = new byte[(int) size];
        in.readFully(frame);
        return frame;
    }

    private static int le16(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8;
    }

    private static int le32(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | (b[o + 3] & 0xFF) << 24;
    }
}
