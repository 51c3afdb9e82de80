package dev.jrtc.interop.bench;

import java.time.Duration;

/** One answerer of a Chromium camera offer in {@link JrtcVsAiortcSideBySideIT}: jrtc or aiortc. */
interface SideBySideReceiver extends AutoCloseable {

    /** Makes a new receiver for the next connection. */
    @FunctionalInterface
    interface Factory {
        SideBySideReceiver create();
    }

    /**
     * What the receiver got so far and what its process has spent.
     *
     * @param cpuSeconds user + system CPU time of the receiver's whole process
     * @param frames depacketized video frames
     * @param bytes bytes of those frames
     * @param pictures pictures decoded (0 when not decoding)
     * @param width the last decoded picture's width, 0 if none
     * @param height the last decoded picture's height, 0 if none
     */
    record Usage(double cpuSeconds, long frames, long bytes, long pictures, int width, int height) {
        /** The counts between {@code earlier} and this one (the size stays this one's). */
        Usage minus(Usage earlier) {
            return new Usage(cpuSeconds - earlier.cpuSeconds, frames - earlier.frames, bytes - earlier.bytes,
                    pictures - earlier.pictures, width, height);
        }
    }

    /** "jrtc" or "aiortc". */
    String name();

    /** Applies Chromium's offer and returns the answer with every candidate (no trickle). */
    String answer(String offerSdp) throws Exception;

    /** Waits for {@code connected}; milliseconds from receiving the offer to {@code connected}, by the receiver's clock. */
    double awaitConnectedMillis(Duration within) throws Exception;

    /** The receiver's counters now. */
    Usage usage() throws Exception;

    /** Fails if the receiver saw anything wrong on the connection (drops, failed authentication). */
    void checkAfterConnected() throws Exception;

    @Override
    void close();
}
