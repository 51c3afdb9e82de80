package dev.jrtc.srtp;

/**
 * Tunables of an SRTP session.
 *
 * @param replayWindowSize  how many packet indices below the highest one are remembered for
 *                          replay detection, for SRTP and SRTCP: a power of two from 64 to 32768
 * @param maxStreams        the most SSRCs a direction keeps state for; packets from further SSRCs
 *                          are dropped, so a flood of SSRCs cannot exhaust memory
 * @param replayProtection  whether to detect replays. Only benchmarks turn this off, to unprotect
 *                          the same packet again and again; without it an attacker can replay
 *                          recorded packets
 */
public record SrtpConfig(int replayWindowSize, int maxStreams, boolean replayProtection) {
    /** A 64-packet window, 128 streams, replay protection on. */
    public static final SrtpConfig DEFAULT = new SrtpConfig(64, 128, true);

    public SrtpConfig {
        if (replayWindowSize < 64 || replayWindowSize > 32768 || Integer.bitCount(replayWindowSize) != 1) {
            throw new IllegalArgumentException("replayWindowSize must be a power of two from 64 to 32768, got "
                    + replayWindowSize);
        }
        if (maxStreams < 1 || maxStreams > 65536) {
            throw new IllegalArgumentException("maxStreams must be from 1 to 65536, got " + maxStreams);
        }
    }

    /** This configuration with another replay window size. */
    public SrtpConfig withReplayWindowSize(int size) {
        return new SrtpConfig(size, maxStreams, replayProtection);
    }

    /** This configuration with another stream limit. */
    public SrtpConfig withMaxStreams(int max) {
        return new SrtpConfig(replayWindowSize, max, replayProtection);
    }

    /** This configuration with replay protection on or off (off only for benchmarks). */
    public SrtpConfig withReplayProtection(boolean on) {
        return new SrtpConfig(replayWindowSize, maxStreams, on);
    }
}
