package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.Output;
import java.util.ArrayDeque;

/**
 * The engine's outputs waiting for {@code poll()}: what is queued goes first, and only when the queue
 * is empty are the layers pumped for more. Pumping runs the layers, so a {@code poll()} from inside it
 * (a driver bug) is refused rather than allowed to reorder the outputs.
 */
final class OutputQueue {
    private final ArrayDeque<Output> queue = new ArrayDeque<>();
    private boolean draining;

    void add(Output o) {
        queue.add(o);
    }

    /**
     * The next output, running {@code pump} once if none is queued.
     *
     * @return null if there is still nothing to hand out
     * @throws IllegalStateException if called while {@code pump} runs
     */
    Output next(Runnable pump) {
        if (draining) {
            throw new IllegalStateException("poll() re-entered");
        }
        Output o = queue.poll();
        if (o != null) {
            return o;
        }
        draining = true;
        try {
            pump.run();
        } finally {
            draining = false;
        }
        return queue.poll();
    }
}
