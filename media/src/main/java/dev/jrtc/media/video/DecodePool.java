package dev.jrtc.media.video;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Decodes video off the network loop on a fixed number of worker threads (DESIGN.md section 4).
 *
 * <p>Each stream has a bounded queue and is decoded by one worker at a time, in order. When a
 * stream's queue is full the backlog is dropped rather than decoded late: the stream asks for a key
 * frame and drops everything until one arrives. Picture callbacks run on the worker thread and
 * should hand the picture on rather than do long work there.
 */
public final class DecodePool implements AutoCloseable {
    private final Executor executor;
    private final ExecutorService owned;
    private final int queuePerStream;
    private final Function<String, VideoDecoder> decoders;

    /**
     * @param threads worker threads (for example 1 or 2 per core left for decoding)
     * @param queuePerStream frames a stream may have waiting before it drops them (at least 1)
     */
    public DecodePool(int threads, int queuePerStream) {
        this(newWorkers(threads), queuePerStream, VideoDecoder::forCodec, true);
    }

    /**
     * A pool on the caller's executor, which must run each task once (and may run them on any
     * thread). Tests pass an executor they step by hand.
     *
     * @param decoders makes the decoder for a codec name; {@link VideoDecoder#forCodec} normally
     */
    public DecodePool(Executor executor, int queuePerStream, Function<String, VideoDecoder> decoders) {
        this(executor, queuePerStream, decoders, false);
    }

    private DecodePool(Executor executor, int queuePerStream, Function<String, VideoDecoder> decoders, boolean own) {
        if (queuePerStream < 1) {
            throw new IllegalArgumentException("queuePerStream must be at least 1: " + queuePerStream);
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.owned = own ? (ExecutorService) executor : null;
        this.queuePerStream = queuePerStream;
        this.decoders = Objects.requireNonNull(decoders, "decoders");
    }

    private static ExecutorService newWorkers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "jrtc-decode-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // The task queue holds at most one task per open stream, so it needs no bound of its own.
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    }

    /**
     * Opens a stream.
     *
     * @param codec "VP8" or "H264"
     * @param onFrame receives each picture, on a worker thread, in display order
     * @param onKeyFrameNeeded called (on the submitting or a worker thread) when the stream needs a
     *     key frame: the receiver should send a PLI
     * @throws dev.jrtc.media.UnsupportedCodecException for a codec without a decoder
     */
    public DecodeStream open(String codec, Consumer<I420Frame> onFrame, Runnable onKeyFrameNeeded) {
        VideoDecoder decoder = decoders.apply(codec);
        return new PooledDecodeStream(executor, queuePerStream, decoder,
                Objects.requireNonNull(onFrame, "onFrame"), Objects.requireNonNull(onKeyFrameNeeded, "onKeyFrameNeeded"));
    }

    /** Stops the pool's own worker threads (not a caller's executor); open streams stop decoding. */
    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
