package dev.jrtc.media.source;

/**
 * One encoded frame ready to send.
 *
 * @param codec "H264" (Annex B access unit) or "OPUS" (one packet)
 * @param data the frame's bytes
 * @param keyFrame whether it can be decoded on its own (always true for audio)
 * @param rtpTimestamp in the codec's RTP clock: 90 kHz for video, 48 kHz for Opus
 */
public record EncodedMediaFrame(String codec, byte[] data, boolean keyFrame, long rtpTimestamp) {
}
