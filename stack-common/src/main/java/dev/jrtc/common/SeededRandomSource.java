package dev.jrtc.common;

import java.util.SplittableRandom;

/** A repeatable {@link RandomSource}: the same seed gives the same sequence on every JVM. */
final class SeededRandomSource implements RandomSource {
    private final SplittableRandom random;

    SeededRandomSource(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }

    @Override
    public long nextLong() {
        return random.nextLong();
    }
}
