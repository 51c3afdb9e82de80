package dev.jrtc.media.source;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;

/** A sine tone encoded to Opus with Concentus: 20 ms mono packets at 48 kHz. */
public final class ToneSource implements EncodedAudioSource {
    private static final int RATE = 48_000;
    private static final int FRAME = 960;
    private final double hz;
    private final double amplitude;
    private final OpusEncoder encoder;
    private final short[] pcm = new short[FRAME];
    private final byte[] packet = new byte[1275];
    private long sampleIndex;

    /** A tone at a quarter of full scale. */
    public ToneSource(double hz) {
        this(hz, 0.25, 32_000);
    }

    /**
     * @param hz frequency, above 0 and below 24 kHz
     * @param amplitude peak level from 0 to 1 (full scale)
     * @param bitrate Opus bit rate in bit/s (6000 to 510000)
     */
    public ToneSource(double hz, double amplitude, int bitrate) {
        if (!(hz > 0 && hz < RATE / 2.0)) {
            throw new IllegalArgumentException("frequency must be in (0, 24000) Hz: " + hz);
        }
        if (!(amplitude >= 0 && amplitude <= 1)) {
            throw new IllegalArgumentException("amplitude must be in [0, 1]: " + amplitude);
        }
        this.hz = hz;
        this.amplitude = amplitude;
        try {
            encoder = new OpusEncoder(RATE, 1, OpusApplication.OPUS_APPLICATION_AUDIO);
            encoder.setBitrate(bitrate);
        } catch (OpusException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Concentus refused the encoder settings: " + e.getMessage(), e);
        }
    }

    @Override
    public EncodedMediaFrame next() {
        long start = sampleIndex;
        for (int i = 0; i < FRAME; i++) {
            // From the absolute sample index, so the phase never drifts.
            double t = (double) (start + i) / RATE;
            pcm[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * t));
        }
        sampleIndex += FRAME;
        int n;
        try {
            n = encoder.encode(pcm, 0, FRAME, packet, 0, packet.length);
        } catch (OpusException e) {
            throw new IllegalStateException("Opus encoding failed", e);
        }
        return new EncodedMediaFrame("OPUS", java.util.Arrays.copyOf(packet, n), true, start);
    }

    @Override
    public String codec() {
        return "OPUS";
    }

    @Override
    public int clockRate() {
        return RATE;
    }

    @Override
    public int packetMillis() {
        return 20;
    }
}
