package dev.jrtc.media.source;

/**
 * Encoded audio to send: each {@link #next()} gives one packet and advances the RTP timestamp by
 * its duration; the caller paces the calls. Not thread-safe.
 */
public interface EncodedAudioSource {
    /** @return the next packet */
    EncodedMediaFrame next();

    /** @return the codec name of the packets, "OPUS" */
    String codec();

    /** @return the RTP clock rate (48000 for Opus) */
    int clockRate();

    /** @return the duration of one packet in milliseconds */
    int packetMillis();
}
