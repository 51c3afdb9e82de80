package dev.jrtc.ice;

import dev.jrtc.common.RandomSource;
import java.util.Objects;

/** An ICE username fragment and password (RFC 8445 section 5.3; ice-ufrag 4..256 chars, ice-pwd 22..256). */
public record IceCredentials(String ufrag, String password) {
    private static final char[] ICE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    /** Checks lengths. */
    public IceCredentials {
        Objects.requireNonNull(ufrag, "ufrag");
        Objects.requireNonNull(password, "password");
        if (ufrag.length() < 4 || ufrag.length() > 256 || password.length() < 22 || password.length() > 256) {
            throw new IllegalArgumentException("ufrag needs 4..256 chars and password 22..256");
        }
    }

    /** Fresh credentials: 8 and 24 random ice-chars (48 and 144 bits). */
    public static IceCredentials random(RandomSource random) {
        return new IceCredentials(randomChars(random, 8), randomChars(random, 24));
    }

    private static String randomChars(RandomSource random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ICE_CHARS[random.nextInt(ICE_CHARS.length)]);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "IceCredentials[ufrag=" + ufrag + ", password=<hidden>]";
    }
}
