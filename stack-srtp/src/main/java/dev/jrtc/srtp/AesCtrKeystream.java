package dev.jrtc.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode (RFC 3711 §4.1.1) without re-initialising a {@code Cipher} per packet.
 *
 * <p>An "AES/CTR" {@code Cipher} needs {@code init} with a new IV for every packet, and {@code init}
 * allocates (it copies the key and the IV). Instead one "AES/ECB/NoPadding" cipher, keyed once,
 * encrypts a buffer of counter blocks into a keystream buffer, which is XORed into the packet.
 * ECB has no chaining state, so {@code update} can be called forever without a reset.
 */
final class AesCtrKeystream {
    /** Keystream made per ECB call; a full-size media packet needs one call. */
    private static final int CHUNK = 2048;
    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_NATIVE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final Cipher ecb;
    private final byte[] counters = new byte[CHUNK];
    private final byte[] keystream = new byte[CHUNK];

    AesCtrKeystream(byte[] key) {
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available from the JCE", e);
        }
    }

    /**
     * XORs {@code buf[off, off+len)} with the keystream whose first counter block is the 128-bit
     * value {@code ivHigh || ivLow}; later blocks add 1, 2, ... to it.
     */
    void xor(long ivHigh, long ivLow, byte[] buf, int off, int len) {
        long block = 0;
        while (len > 0) {
            int n = Math.min(len, CHUNK);
            int blocks = (n + 15) >>> 4;
            for (int j = 0; j < blocks; j++, block++) {
                long low = ivLow + block;
                // carry into the high half, for completeness; SRTP packets never get near it
                long high = Long.compareUnsigned(low, ivLow) < 0 ? ivHigh + 1 : ivHigh;
                LONG_BE.set(counters, j << 4, high);
                LONG_BE.set(counters, (j << 4) + 8, low);
            }
            try {
                ecb.update(counters, 0, blocks << 4, keystream, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException(e); // the buffers are the same size: cannot happen
            }
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                long v = (long) LONG_NATIVE.get(buf, off + i) ^ (long) LONG_NATIVE.get(keystream, i);
                LONG_NATIVE.set(buf, off + i, v);
            }
            for (; i < n; i++) {
                buf[off + i] ^= keystream[i];
            }
            off += n;
            len -= n;
        }
    }
}
