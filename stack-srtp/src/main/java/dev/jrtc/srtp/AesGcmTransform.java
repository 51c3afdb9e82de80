package dev.jrtc.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM for SRTP and SRTCP (RFC 7714), on one reused SunJCE {@code Cipher} that takes a new IV
 * per packet (GCM forbids anything else).
 */
final class AesGcmTransform implements SrtpTransform {
    static final int TAG_LENGTH = 16;
    private static final int IV_LENGTH = 12;

    private final Cipher gcm;
    private final SecretKeySpec key;
    private final byte[] salt;
    private final byte[] iv = new byte[IV_LENGTH];
    private final byte[] indexWord = new byte[4];
    /**
     * Where decryption writes, so that a packet that fails its tag is left untouched. Made at the first
     * packet and grown to the largest one: a sending context never needs it.
     */
    private byte[] plaintext = new byte[0];

    AesGcmTransform(SrtpKeyDerivation.SessionKeys keys) {
        this.key = new SecretKeySpec(keys.encryptionKey(), "AES");
        this.salt = keys.salt().clone();
        try {
            this.gcm = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available from the JCE", e);
        }
    }

    /**
     * RFC 7714 §8.1 and §9.1: IV = (0x0000 || SSRC || index) XOR salt, where index is ROC || SEQ
     * for SRTP and 0x0000 || 0 || SRTCP index for SRTCP; both fill the last 48 bits.
     */
    private void init(int mode, int ssrc, long index) throws GeneralSecurityException {
        iv[0] = salt[0];
        iv[1] = salt[1];
        iv[2] = (byte) (salt[2] ^ (ssrc >>> 24));
        iv[3] = (byte) (salt[3] ^ (ssrc >>> 16));
        iv[4] = (byte) (salt[4] ^ (ssrc >>> 8));
        iv[5] = (byte) (salt[5] ^ ssrc);
        for (int i = 0; i < 6; i++) {
            iv[6 + i] = (byte) (salt[6 + i] ^ (index >>> (40 - 8 * i)));
        }
        gcm.init(mode, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        try {
            init(Cipher.ENCRYPT_MODE, ssrc, index);
            gcm.updateAAD(buf, off, headerLength);
            int n = gcm.doFinal(buf, off + headerLength, len - headerLength, buf, off + headerLength);
            return headerLength + n;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        try {
            init(Cipher.DECRYPT_MODE, ssrc, index);
            gcm.updateAAD(buf, off, headerLength);
            return headerLength + decryptInPlaceIfAuthentic(buf, off + headerLength, len - headerLength);
        } catch (AEADBadTagException e) {
            return AUTH_FAILED;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /**
     * Decrypts {@code buf[off, off + len)} (ciphertext and tag) and writes the plaintext back over it
     * only once the tag has verified. SunJCE may write unverified plaintext into its output before it
     * throws, and a forged packet must not change the caller's buffer.
     */
    private int decryptInPlaceIfAuthentic(byte[] buf, int off, int len) throws GeneralSecurityException {
        if (plaintext.length < len) {
            plaintext = new byte[Math.max(len, 1500)];
        }
        int n = gcm.doFinal(buf, off, len, plaintext, 0);
        System.arraycopy(plaintext, 0, buf, off, n);
        return n;
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        try {
            init(Cipher.ENCRYPT_MODE, ssrc, index);
            SrtpTransform.putInt(indexWord, 0, 0x80000000 | index);
            // RFC 7714 §9.2: AAD is the first 8 octets, then E flag and index, which travel after the tag
            gcm.updateAAD(buf, off, 8);
            gcm.updateAAD(indexWord, 0, 4);
            int n = gcm.doFinal(buf, off + 8, len - 8, buf, off + 8);
            System.arraycopy(indexWord, 0, buf, off + 8 + n, 4);
            return 8 + n + 4;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted) {
        int sealed = len - SrtpProfile.SRTCP_INDEX_LENGTH; // header, ciphertext and tag
        try {
            init(Cipher.DECRYPT_MODE, ssrc, index);
            if (encrypted) {
                gcm.updateAAD(buf, off, 8);
                gcm.updateAAD(buf, off + sealed, 4);
                return 8 + decryptInPlaceIfAuthentic(buf, off + 8, sealed - 8);
            }
            // E = 0: the whole packet is associated data and only the tag is "ciphertext"
            int plain = sealed - TAG_LENGTH;
            gcm.updateAAD(buf, off, plain);
            gcm.updateAAD(buf, off + sealed, 4);
            gcm.doFinal(buf, off + plain, TAG_LENGTH, buf, off + plain);
            return plain;
        } catch (AEADBadTagException e) {
            return AUTH_FAILED;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }
}
