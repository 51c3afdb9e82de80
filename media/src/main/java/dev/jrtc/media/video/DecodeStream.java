package dev.jrtc.media.video;

/**
 * One stream's frames going to a {@link DecodePool}. Created by {@link DecodePool#open}.
 * {@link #submit} may be called from any one thread at a time (normally the network loop).
 */
public interface DecodeStream extends AutoCloseable {

    /**
     * Queues an encoded frame for decoding. Never blocks: if the stream's queue is full, the queued
     * frames are dropped (counted), a key frame is requested, and further frames are dropped until
     * a key frame arrives.
     *
     * @param data the encoded frame; the stream keeps the array, so the caller must not reuse it
     * @param rtpTimestamp the frame's RTP timestamp, copied into its picture
     * @param keyFrame whether the depacketizer saw a key frame
     */
    void submit(byte[] data, long rtpTimestamp, boolean keyFrame);

    /** @return a snapshot of this stream's counters */
    DecodeStats stats();

    /** Stops decoding: queued frames are discarded and the decoder is released. */
    @Override
    void close();
}
