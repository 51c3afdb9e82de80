package dev.jrtc.common;

import java.security.SecureRandom;
import java.util.Objects;

/** A {@link RandomSource} that draws from a {@link SecureRandom}. */
final class SecureRandomSource implements RandomSource {
    private final SecureRandom random;

    SecureRandomSource(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
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
