package dev.jrtc.sctp.assoc;

/**
 * Serial number arithmetic on 32-bit TSNs (RFC 9260 §1.6, RFC 1982) held in the low bits of a
 * {@code long}.
 */
public final class Tsn {
    private Tsn() {
    }

    /** {@code a + n} modulo 2^32. */
    public static long add(long a, long n) {
        return (a + n) & 0xFFFF_FFFFL;
    }

    /** The signed distance from {@code b} to {@code a}: positive when {@code a} is after {@code b}. */
    public static int diff(long a, long b) {
        return (int) (a - b);
    }

    /** Whether {@code a} comes before {@code b}. */
    public static boolean lt(long a, long b) {
        return (int) (a - b) < 0;
    }

    /** Whether {@code a} comes before or is {@code b}. */
    public static boolean le(long a, long b) {
        return (int) (a - b) <= 0;
    }
}
