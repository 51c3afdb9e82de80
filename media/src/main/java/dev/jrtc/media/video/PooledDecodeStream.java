package dev.jrtc.media.video;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * A {@link DecodeStream} whose frames wait in a bounded queue and are decoded by one task at a
 * time on the pool's executor. All state is guarded by {@code lock}, except the decoder, which only
 * the running task touches.
 */
final class PooledDecodeStream implements DecodeStream, Runnable {
    /** Frames decoded per task before the worker is offered to other streams. */
    private static final int BATCH = 8;
    /** While waiting for a key frame, ask again after this many more frames (a PLI can be lost). */
    private static final int ASK_AGAIN_AFTER = 30;
    private static final System.Logger LOG = System.getLogger(DecodePool.class.getName());

    private record Pending(byte[] data, long rtpTimestamp, boolean keyFrame) {
    }

    private final Object lock = new Object();
    private final Executor executor;
    private final int capacity;
    private final VideoDecoder decoder;
    private final Consumer<I420Frame> onFrame;
    private final Runnable onKeyFrameNeeded;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean scheduled;
    private boolean running;
    private boolean closed;
    private boolean dropUntilKeyFrame;
    private boolean waitingForKeyFrame;
    private int framesSinceAsked;
    private long framesDecoded;
    private long keyFramesDecoded;
    private long framesDropped;
    private long decodeErrors;
    private long keyFramesRequested;
    private int width;
    private int height;

    PooledDecodeStream(Executor executor, int capacity, VideoDecoder decoder, Consumer<I420Frame> onFrame,
            Runnable onKeyFrameNeeded) {
        this.executor = executor;
        this.capacity = capacity;
        this.decoder = decoder;
        this.onFrame = onFrame;
        this.onKeyFrameNeeded = onKeyFrameNeeded;
    }

    @Override
    public void submit(byte[] data, long rtpTimestamp, boolean keyFrame) {
        boolean ask = false;
        boolean schedule = false;
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (dropUntilKeyFrame && !keyFrame) {
                framesDropped++;
                ask = askAgainLocked();
            } else {
                dropUntilKeyFrame = false;
                if (queue.size() >= capacity) {
                    // Decoding the backlog would only show old pictures late: drop it.
                    framesDropped += queue.size();
                    queue.clear();
                    if (!keyFrame) {
                        framesDropped++;
                        dropUntilKeyFrame = true;
                        ask = askLocked();
                    }
                }
                if (!dropUntilKeyFrame) {
                    queue.add(new Pending(data, rtpTimestamp, keyFrame));
                    if (!scheduled) {
                        scheduled = true;
                        schedule = true;
                    }
                }
            }
        }
        if (ask) {
            askForKeyFrame();
        }
        if (schedule) {
            schedule();
        }
    }

    private void schedule() {
        try {
            executor.execute(this);
        } catch (RejectedExecutionException e) {
            // The pool is closed: nothing will decode this stream any more.
            synchronized (lock) {
                framesDropped += queue.size();
                queue.clear();
                scheduled = false;
            }
        }
    }

    private boolean askLocked() {
        keyFramesRequested++;
        framesSinceAsked = 0;
        return true;
    }

    private boolean askAgainLocked() {
        return ++framesSinceAsked >= ASK_AGAIN_AFTER && askLocked();
    }

    @Override
    public void run() {
        for (int i = 0; i < BATCH; i++) {
            Pending p;
            synchronized (lock) {
                p = closed ? null : queue.poll();
                if (p == null) {
                    scheduled = false;
                    return;
                }
                running = true;
            }
            boolean release;
            try {
                decodeOne(p);
            } finally {
                synchronized (lock) {
                    running = false;
                    release = closed;
                }
            }
            if (release) {
                decoder.close();
                return;
            }
        }
        synchronized (lock) {
            if (closed || queue.isEmpty()) {
                scheduled = false;
                return;
            }
        }
        schedule();
    }

    private void decodeOne(Pending p) {
        boolean wasWaiting = decoder.needsKeyFrame();
        Optional<I420Frame> picture;
        try {
            picture = decoder.decode(p.data(), p.rtpTimestamp(), p.keyFrame());
        } catch (DecodeException e) {
            onDecodeError(e, wasWaiting);
            return;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "decoder failed unexpectedly", e);
            onDecodeError(new DecodeException(e.toString(), true, e), false);
            return;
        }
        synchronized (lock) {
            framesDecoded++;
            if (p.keyFrame()) {
                keyFramesDecoded++;
            }
            waitingForKeyFrame = false;
        }
        while (picture.isPresent()) {
            deliver(picture.get());
            picture = decoder.nextFrame();
        }
    }

    private void onDecodeError(DecodeException e, boolean wasWaiting) {
        boolean ask = false;
        synchronized (lock) {
            if (wasWaiting && e.needsKeyFrame() && !(e instanceof UnsupportedStreamException)) {
                // Inter frames before a key frame: expected after loss or a late join.
                framesDropped++;
            } else {
                decodeErrors++;
                LOG.log(System.Logger.Level.DEBUG, "{0} frame not decoded: {1}", decoder.codec(), e.getMessage());
            }
            if (e.needsKeyFrame()) {
                if (!waitingForKeyFrame) {
                    waitingForKeyFrame = true;
                    ask = askLocked();
                } else {
                    ask = askAgainLocked();
                }
            }
        }
        if (ask) {
            askForKeyFrame();
        }
    }

    private void deliver(I420Frame f) {
        synchronized (lock) {
            width = f.width();
            height = f.height();
        }
        try {
            onFrame.accept(f);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "picture handler failed", e);
        }
    }

    private void askForKeyFrame() {
        try {
            onKeyFrameNeeded.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "key frame request handler failed", e);
        }
    }

    @Override
    public DecodeStats stats() {
        synchronized (lock) {
            return new DecodeStats(framesDecoded, keyFramesDecoded, framesDropped, decodeErrors, keyFramesRequested,
                    width, height);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            if (running) {
                // The worker releases the decoder when it finishes the frame in hand.
                return;
            }
        }
        decoder.close();
    }
}
