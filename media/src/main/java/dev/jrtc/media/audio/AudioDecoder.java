package dev.jrtc.media.audio;

import dev.jrtc.media.UnsupportedCodecException;
import dev.jrtc.media.video.VideoDecoder;

/**
 * Turns RTP audio payloads into 16-bit PCM. One instance per stream; not thread-safe.
 *
 * <p>A payload the codec cannot decode does not throw: it is counted ({@link #corruptPackets()})
 * and replaced by concealment audio of the usual length, so the output stays continuous.
 */
public interface AudioDecoder {

    /**
     * @param payload one RTP payload
     * @return the samples, interleaved by channel ({@link #channels()} per instant)
     */
    short[] decode(byte[] payload);

    /** @return audio to play in place of one lost packet (codec concealment, or silence) */
    short[] conceal();

    /** @return output sample rate in Hz */
    int sampleRate();

    /** @return output channels */
    int channels();

    /** @return payloads that could not be decoded so far */
    long corruptPackets();

    /**
     * @param name "OPUS" (48 kHz stereo output), "PCMU" or "PCMA" (8 kHz mono); case-insensitive
     * @throws UnsupportedCodecException for other names
     */
    static AudioDecoder forCodec(String name) {
        return switch (VideoDecoder.canonicalName(name)) {
            case "OPUS" -> new OpusAudioDecoder(2);
            case "PCMU" -> new G711Decoder(G711.Law.MU);
            case "PCMA" -> new G711Decoder(G711.Law.A);
            default -> throw new UnsupportedCodecException(name, "OPUS, PCMU, PCMA");
        };
    }
}
