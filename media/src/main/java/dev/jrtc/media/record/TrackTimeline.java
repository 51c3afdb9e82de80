package dev.jrtc.media.record;

import dev.jrtc.rtp.Unwrapper;

/**
 * One track's RTP timestamps as milliseconds on a file's timeline: the track's first frame sits
 * at the time it was given when the track started, and later frames follow by their RTP
 * timestamps (unwrapped across the 32-bit wrap) in the track's clock rate.
 */
final class TrackTimeline {
    private final int clockRate;
    private final Unwrapper timestamps = Unwrapper.forTimestamps();
    private long firstRtp = -1;
    private long startMs;
    private long lastRtp;
    private long lastMs;

    TrackTimeline(int clockRate) {
        this.clockRate = clockRate;
    }

    boolean started() {
        return firstRtp >= 0;
    }

    /** Anchors the track: the frame with this RTP timestamp is at {@code startMs}. */
    void start(long rtpTimestamp, long startMs) {
        this.firstRtp = timestamps.unwrap(rtpTimestamp & 0xFFFFFFFFL);
        this.startMs = startMs;
        this.lastRtp = firstRtp;
        this.lastMs = startMs;
    }

    /** @return whether the timestamp is after every one placed so far (not a duplicate or a late arrival) */
    boolean isNew(long rtpTimestamp) {
        return timestamps.peek(rtpTimestamp & 0xFFFFFFFFL) > lastRtp;
    }

    /** @return the frame's time in milliseconds, never before the previous frame's */
    long place(long rtpTimestamp) {
        long rtp = timestamps.unwrap(rtpTimestamp & 0xFFFFFFFFL);
        long ms = startMs + Math.floorDiv((rtp - firstRtp) * 1000 + clockRate / 2, clockRate);
        lastRtp = Math.max(lastRtp, rtp);
        lastMs = Math.max(lastMs, ms);
        return lastMs;
    }

    /** @return milliseconds of {@code ticks} of this track's clock */
    long millis(long ticks) {
        return Math.floorDiv(ticks * 1000 + clockRate / 2, clockRate);
    }
}
