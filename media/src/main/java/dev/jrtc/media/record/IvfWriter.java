package dev.jrtc.media.record;

import dev.jrtc.rtp.Unwrapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * VP8 frames in an IVF file, the container of {@code vpxenc}/{@code vpxdec}: a 32-byte header and
 * a 12-byte header per frame, little-endian. The time base is the RTP clock (1/90000 s), so frame
 * times are the RTP timestamps relative to the first frame. Frames before the first key frame are
 * skipped (they cannot be decoded from the file).
 */
public final class IvfWriter implements Recorder {
    private static final int HEADER = 32;
    private final FileSink file;
    private final Unwrapper timestamps = Unwrapper.forTimestamps();
    private long firstTimestamp = -1;
    private int width;
    private int height;
    private int frames;
    private boolean closed;

    /** Creates (or replaces) the file. */
    public IvfWriter(Path path) {
        file = new FileSink(path);
        file.append(header());
    }

    @Override
    public void write(byte[] frame, long rtpTimestamp, boolean keyFrame) {
        if (closed) {
            throw new IllegalStateException("recorder is closed");
        }
        long ts = timestamps.unwrap(rtpTimestamp & 0xFFFFFFFFL);
        boolean isKey = isVp8KeyFrame(frame);
        if (firstTimestamp < 0) {
            if (!isKey) {
                return;
            }
            firstTimestamp = ts;
        }
        if (isKey && width == 0) {
            width = (frame[6] & 0xFF | (frame[7] & 0xFF) << 8) & 0x3FFF;
            height = (frame[8] & 0xFF | (frame[9] & 0xFF) << 8) & 0x3FFF;
        }
        ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(frame.length).putLong(Math.max(0, ts - firstTimestamp)).flip();
        file.append(h);
        file.append(frame);
        frames++;
    }

    /** RFC 6386 9.1: bit 0 of the first byte clear, then the start code 9d 01 2a. */
    static boolean isVp8KeyFrame(byte[] f) {
        return f.length >= 10 && (f[0] & 1) == 0 && (f[3] & 0xFF) == 0x9d && (f[4] & 0xFF) == 0x01
                && (f[5] & 0xFF) == 0x2a;
    }

    private ByteBuffer header() {
        ByteBuffer b = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'D').put((byte) 'K').put((byte) 'I').put((byte) 'F');
        b.putShort((short) 0).putShort((short) HEADER);
        b.put((byte) 'V').put((byte) 'P').put((byte) '8').put((byte) '0');
        b.putShort((short) width).putShort((short) height);
        b.putInt(90_000).putInt(1); // time base denominator, numerator
        b.putInt(frames).putInt(0);
        return b.flip();
    }

    @Override
    public Path path() {
        return file.path();
    }

    /** @return frames written so far */
    public int frames() {
        return frames;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            file.writeAt(0, header());
        } finally {
            file.close();
        }
    }
}
