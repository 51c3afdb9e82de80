package dev.jrtc.media.audio;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

/** Opus (RFC 6716, RTP per RFC 7587) through Concentus, at 48 kHz. */
public final class OpusAudioDecoder implements AudioDecoder {
    /** The longest Opus packet: 120 ms at 48 kHz. */
    private static final int MAX_FRAME = 5760;
    private final int channels;
    private final OpusDecoder decoder;
    private final short[] scratch;
    private int lastFrameSize = 960;
    private long corrupt;

    /** @param channels 1 (stereo streams are mixed down) or 2 (mono streams are duplicated) */
    public OpusAudioDecoder(int channels) {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2: " + channels);
        }
        this.channels = channels;
        try {
            this.decoder = new OpusDecoder(48000, channels);
        } catch (OpusException e) {
            throw new IllegalStateException("Concentus refused a 48 kHz decoder", e);
        }
        this.scratch = new short[MAX_FRAME * channels];
    }

    @Override
    public short[] decode(byte[] payload) {
        if (payload.length == 0) {
            corrupt++;
            return conceal();
        }
        try {
            int n = decoder.decode(payload, 0, payload.length, scratch, 0, MAX_FRAME, false);
            lastFrameSize = n;
            return java.util.Arrays.copyOf(scratch, n * channels);
        } catch (OpusException | RuntimeException e) {
            corrupt++;
            return conceal();
        }
    }

    @Override
    public short[] conceal() {
        try {
            int n = decoder.decode(null, 0, 0, scratch, 0, lastFrameSize, false);
            return java.util.Arrays.copyOf(scratch, n * channels);
        } catch (OpusException | RuntimeException e) {
            return new short[lastFrameSize * channels];
        }
    }

    @Override
    public int sampleRate() {
        return 48000;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public long corruptPackets() {
        return corrupt;
    }
}
