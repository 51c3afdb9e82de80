package dev.jrtc.common;

import java.security.SecureRandom;

/**
 * Where a core gets randomness: ICE credentials and tie-breakers, SSRCs, sequence-number starts,
 * STUN transaction IDs. Production uses {@link #secure()}; tests use {@link #seeded(long)} so that a
 * run can be repeated exactly.
 */
public interface RandomSource {
    /** Fills {@code bytes} with random bytes. */
    void nextBytes(byte[] bytes);

    /** A uniformly random {@code long}. */
    long nextLong();

    /** A uniformly random {@code int}. */
    default int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** A uniformly random {@code int} in {@code [0, bound)}. */
    default int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        // Rejection sampling, so that every value is equally likely.
        long limit = (1L << 32) - ((1L << 32) % bound);
        long r;
        do {
            r = nextLong() >>> 32;
        } while (r >= limit);
        return (int) (r % bound);
    }

    /** Backed by a {@link SecureRandom}: the only choice for credentials and keys. */
    static RandomSource secure() {
        return secure(new SecureRandom());
    }

    /** Backed by the given {@link SecureRandom}. */
    static RandomSource secure(SecureRandom random) {
        return new SecureRandomSource(random);
    }

    /** A deterministic source for tests and simulations; never for production. */
    static RandomSource seeded(long seed) {
        return new SeededRandomSource(seed);
    }
}
