package dev.jrtc.media.record;

import dev.jrtc.rtp.Unwrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jcodec.common.Codec;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Packet;
import org.jcodec.containers.mp4.MP4TrackType;
import org.jcodec.containers.mp4.muxer.CodecMP4MuxerTrack;
import org.jcodec.containers.mp4.muxer.MP4Muxer;

/**
 * H.264 access units in an MP4 file through jcodec's muxer: the SPS and PPS go into the {@code avcC}
 * box, samples are length-prefixed, and each sample lasts until the next RTP timestamp (90 kHz
 * time scale). Access units before the first IDR are skipped. The file is playable after
 * {@link #close()}, which writes the index.
 */
public final class Mp4Writer implements Recorder {
    private static final int TIMESCALE = 90_000;
    private static final long DEFAULT_DURATION = TIMESCALE / 30;
    private final Path path;
    private final SeekableByteChannel channel;
    private final MP4Muxer muxer;
    private final CodecMP4MuxerTrack track;
    private final Unwrapper timestamps = Unwrapper.forTimestamps();
    private byte[] held;
    private long heldTime;
    private boolean heldKey;
    private long firstTime = -1;
    private long lastDuration = DEFAULT_DURATION;
    private long frameNo;
    private boolean closed;

    /** Creates (or replaces) the file. */
    public Mp4Writer(Path path) {
        this.path = path;
        try {
            channel = NIOUtils.writableChannel(path.toFile());
            muxer = MP4Muxer.createMP4MuxerToChannel(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path, e);
        }
        track = muxer.addTrack(new CodecMP4MuxerTrack(muxer.getNextTrackId(), MP4TrackType.VIDEO, Codec.H264));
    }

    @Override
    public void write(byte[] frame, long rtpTimestamp, boolean keyFrame) {
        if (closed) {
            throw new IllegalStateException("recorder is closed");
        }
        long ts = timestamps.unwrap(rtpTimestamp & 0xFFFFFFFFL);
        byte[] accessUnit = H264Nal.asAnnexB(frame);
        boolean idr = H264Nal.containsIdr(accessUnit);
        if (firstTime < 0) {
            if (!idr) {
                return;
            }
            firstTime = ts;
        }
        if (held != null) {
            // A sample lasts until the next one starts; equal or backward times get the last duration.
            long d = ts - heldTime;
            lastDuration = d > 0 ? d : lastDuration;
            add(held, heldTime, lastDuration, heldKey);
        }
        held = accessUnit == frame ? frame.clone() : accessUnit;
        heldTime = ts;
        heldKey = idr;
    }

    private void add(byte[] accessUnit, long time, long duration, boolean key) {
        try {
            track.addFrame(Packet.createPacket(ByteBuffer.wrap(accessUnit), time - firstTime, TIMESCALE, duration,
                    frameNo++, key ? Packet.FrameType.KEY : Packet.FrameType.INTER, null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (held != null) {
                add(held, heldTime, lastDuration, heldKey);
                held = null;
            }
            if (frameNo > 0) {
                muxer.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + path, e);
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                // The muxer already reported the real problem, if any.
            }
        }
    }
}
