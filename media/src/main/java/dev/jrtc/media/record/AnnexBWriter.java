package dev.jrtc.media.record;

import java.nio.file.Path;

/**
 * H.264 access units as a raw Annex B byte stream ({@code .h264}), which ffmpeg, VLC and mpv play.
 * The format has no timestamps. Access units before the first IDR are skipped; a bare NAL unit
 * (no start code) gets one.
 */
public final class AnnexBWriter implements Recorder {
    private final FileSink file;
    private boolean started;
    private int accessUnits;
    private boolean closed;

    /** Creates (or replaces) the file. */
    public AnnexBWriter(Path path) {
        file = new FileSink(path);
    }

    @Override
    public void write(byte[] frame, long rtpTimestamp, boolean keyFrame) {
        if (closed) {
            throw new IllegalStateException("recorder is closed");
        }
        byte[] accessUnit = H264Nal.asAnnexB(frame);
        if (!started && !H264Nal.containsIdr(accessUnit)) {
            return;
        }
        started = true;
        file.append(accessUnit);
        accessUnits++;
    }

    /** @return access units written so far */
    public int accessUnits() {
        return accessUnits;
    }

    @Override
    public Path path() {
        return file.path();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            file.close();
        }
    }
}
