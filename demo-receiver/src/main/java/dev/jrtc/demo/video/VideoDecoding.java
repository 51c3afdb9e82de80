package dev.jrtc.demo.video;

import dev.jrtc.media.video.DecodePool;
import dev.jrtc.media.video.DecodeStats;
import dev.jrtc.media.video.DecodeStream;
import dev.jrtc.media.video.I420Frame;
import dev.jrtc.media.video.VideoDecoder;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One received video stream being decoded on the shared {@link DecodePool}, off the network loop.
 * Keeps the latest picture for snapshots, the MJPEG stream and the window.
 */
public final class VideoDecoding implements AutoCloseable {
    private final String codec;
    private final DecodeStream stream;
    private final CopyOnWriteArrayList<Consumer<I420Frame>> listeners = new CopyOnWriteArrayList<>();
    private volatile I420Frame latest;

    private VideoDecoding(String codec, DecodePool pool, Runnable keyFrameNeeded) {
        this.codec = VideoDecoder.canonicalName(codec);
        this.stream = pool.open(codec, this::decoded, keyFrameNeeded);
    }

    /**
     * Starts decoding a stream.
     *
     * @param keyFrameNeeded asks the sender for a key frame (a PLI)
     * @throws IllegalArgumentException if the codec cannot be decoded here
     */
    public static VideoDecoding start(DecodePool pool, String codec, Runnable keyFrameNeeded) {
        return new VideoDecoding(codec, pool, keyFrameNeeded);
    }

    /** Whether frames of this codec can be decoded here (VP8, H.264). */
    public static boolean canDecode(String codec) {
        String c = VideoDecoder.canonicalName(codec);
        return c.equals("VP8") || c.equals("H264");
    }

    /** Queues an encoded frame; never blocks. The stream keeps the array. */
    public void submit(byte[] data, long rtpTimestamp, boolean keyFrame) {
        stream.submit(data, rtpTimestamp, keyFrame);
    }

    /** Called with every decoded picture on a decoding thread; must not block for long. */
    public void onPicture(Consumer<I420Frame> listener) {
        listeners.add(listener);
    }

    /** The codec, canonical name ("VP8", "H264"). */
    public String codec() {
        return codec;
    }

    /** The last decoded picture, if any. */
    public Optional<I420Frame> latest() {
        return Optional.ofNullable(latest);
    }

    /** The decoder's counters. */
    public DecodeStats stats() {
        return stream.stats();
    }

    @Override
    public void close() {
        stream.close();
    }

    private void decoded(I420Frame frame) {
        latest = frame;
        for (Consumer<I420Frame> l : listeners) {
            l.accept(frame);
        }
    }
}
