package dev.jrtc.media.audio;

/**
 * Measures a steady tone in PCM: its frequency from the spacing of rising zero crossings
 * (interpolated between samples), and its power at a frequency by the Goertzel algorithm. Meant
 * for checking test tones, not for music.
 */
public final class ToneMeter {
    private ToneMeter() {
    }

    /**
     * @param pcm interleaved samples
     * @param channels samples per instant in {@code pcm}
     * @param channel which channel to measure
     * @param sampleRate in Hz
     * @return the frequency in Hz, or 0 if there are fewer than two rising crossings
     */
    public static double frequency(short[] pcm, int channels, int channel, int sampleRate) {
        double mean = 0;
        int n = pcm.length / channels;
        for (int i = 0; i < n; i++) {
            mean += pcm[i * channels + channel];
        }
        mean /= Math.max(1, n);
        double first = -1;
        double last = -1;
        int crossings = 0;
        double prev = pcm[channel] - mean;
        for (int i = 1; i < n; i++) {
            double cur = pcm[i * channels + channel] - mean;
            if (prev < 0 && cur >= 0) {
                double at = i - 1 + (-prev) / (cur - prev);
                if (first < 0) {
                    first = at;
                }
                last = at;
                crossings++;
            }
            prev = cur;
        }
        return crossings < 2 ? 0 : (crossings - 1) * sampleRate / (last - first);
    }

    /**
     * The fundamental frequency by autocorrelation: the shortest lag at which the signal nearly
     * repeats (normalised autocorrelation within 10% of its best), refined between samples. Works
     * on short bursts and on square waves, whose harmonics upset zero-crossing counts after lossy
     * coding.
     *
     * @param minHz lowest frequency considered
     * @param maxHz highest frequency considered
     * @return the frequency in Hz, or 0 if the signal is too short or silent
     */
    public static double fundamental(short[] pcm, int channels, int channel, int sampleRate, double minHz,
            double maxHz) {
        int n = pcm.length / channels;
        int minLag = Math.max(2, (int) Math.floor(sampleRate / maxHz));
        int maxLag = (int) Math.ceil(sampleRate / minHz);
        if (n < 2 * maxLag) {
            return 0;
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = pcm[i * channels + channel];
        }
        double[] r = new double[maxLag + 2];
        double best = 0;
        for (int lag = minLag - 1; lag <= maxLag + 1; lag++) {
            double xy = 0;
            double xx = 0;
            double yy = 0;
            for (int i = 0; i + lag < n; i++) {
                xy += x[i] * x[i + lag];
                xx += x[i] * x[i];
                yy += x[i + lag] * x[i + lag];
            }
            r[lag] = xx == 0 || yy == 0 ? 0 : xy / Math.sqrt(xx * yy);
            if (lag >= minLag && lag <= maxLag) {
                best = Math.max(best, r[lag]);
            }
        }
        if (best <= 0) {
            return 0;
        }
        for (int lag = minLag; lag <= maxLag; lag++) {
            // The first peak that nearly reaches the best is the period; later ones are multiples.
            if (r[lag] >= 0.9 * best && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1]) {
                double denom = r[lag - 1] - 2 * r[lag] + r[lag + 1];
                double shift = denom == 0 ? 0 : 0.5 * (r[lag - 1] - r[lag + 1]) / denom;
                return sampleRate / (lag + shift);
            }
        }
        return 0;
    }

    /**
     * @return the mean power per sample of the channel's content at {@code hz} (Goertzel), in
     *     squared sample units; a full-scale sine gives about 32767^2 / 4
     */
    public static double power(short[] pcm, int channels, int channel, int sampleRate, double hz) {
        int n = pcm.length / channels;
        double w = 2 * Math.PI * hz / sampleRate;
        double coeff = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double s = pcm[i * channels + channel] + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double p = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return p / ((double) n * n);
    }

    /** @return the root mean square of the channel */
    public static double rms(short[] pcm, int channels, int channel) {
        int n = pcm.length / channels;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double s = pcm[i * channels + channel];
            sum += s * s;
        }
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }
}
