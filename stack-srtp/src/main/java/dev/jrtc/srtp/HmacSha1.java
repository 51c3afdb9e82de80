package dev.jrtc.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) on one reused {@link MessageDigest}.
 *
 * <p>{@code javax.crypto.Mac.doFinal(byte[], int)} allocates two arrays per call in SunJCE, so the
 * packet path builds HMAC from the same SHA-1 digest (and its CPU intrinsic) with
 * {@code digest(byte[], int, int)}, which writes into a caller's array.
 */
final class HmacSha1 {
    static final int LENGTH = 20;
    private static final int BLOCK = 64;

    private final MessageDigest sha1;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] inner = new byte[LENGTH];
    private final byte[] word = new byte[4];

    HmacSha1(byte[] key) {
        if (key.length > BLOCK) {
            throw new IllegalArgumentException("HMAC key longer than a SHA-1 block");
        }
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available from the JCE", e);
        }
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
        sha1.update(innerPad);
    }

    void update(byte[] b, int off, int len) {
        sha1.update(b, off, len);
    }

    void updateInt(int v) {
        word[0] = (byte) (v >>> 24);
        word[1] = (byte) (v >>> 16);
        word[2] = (byte) (v >>> 8);
        word[3] = (byte) v;
        sha1.update(word, 0, 4);
    }

    /** Writes the 20-byte MAC into {@code out[outOff...]} and starts the next message. */
    void doFinal(byte[] out, int outOff) {
        try {
            sha1.digest(inner, 0, LENGTH);
            sha1.update(outerPad);
            sha1.update(inner, 0, LENGTH);
            sha1.digest(out, outOff, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException(e); // buffers are sized for SHA-1: cannot happen
        }
        sha1.update(innerPad);
    }
}
