package dev.jrtc.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-CM key derivation function of RFC 3711 §4.3.3 with a key derivation rate of 0, which
 * every WebRTC profile uses, including the GCM ones (RFC 7714 §11).
 */
public final class SrtpKeyDerivation {
    /** Labels of RFC 3711 §4.3.2. */
    public static final int LABEL_RTP_ENCRYPTION = 0x00;
    public static final int LABEL_RTP_AUTH = 0x01;
    public static final int LABEL_RTP_SALT = 0x02;
    public static final int LABEL_RTCP_ENCRYPTION = 0x03;
    public static final int LABEL_RTCP_AUTH = 0x04;
    public static final int LABEL_RTCP_SALT = 0x05;

    /** The PRF input x is as wide as a CM master salt: 112 bits. */
    private static final int X_LENGTH = 14;

    private SrtpKeyDerivation() {
    }

    /**
     * Derives {@code length} bytes of session key material for {@code label}.
     *
     * @param masterKey  16 or 32 bytes (the AES key of the PRF)
     * @param masterSalt 14 bytes (CM) or 12 bytes (GCM; zero-padded on the right to 14, as libsrtp does)
     */
    public static byte[] derive(byte[] masterKey, byte[] masterSalt, int label, int length) {
        if (masterKey == null || (masterKey.length != 16 && masterKey.length != 32)) {
            throw new IllegalArgumentException("master key must be 16 or 32 bytes, got "
                    + (masterKey == null ? "null" : masterKey.length));
        }
        if (masterSalt == null || masterSalt.length > X_LENGTH) {
            throw new IllegalArgumentException("master salt must be at most 14 bytes, got "
                    + (masterSalt == null ? "null" : masterSalt.length));
        }
        if (label < 0 || label > 0xff || length < 0) {
            throw new IllegalArgumentException("bad label " + label + " or length " + length);
        }
        // x = key_id XOR master_salt, where key_id = label || r and r = 0 for a rate of 0: the
        // label lands in the octet just left of the 48-bit r.
        byte[] block = new byte[16];
        System.arraycopy(masterSalt, 0, block, 0, masterSalt.length);
        block[X_LENGTH - 7] ^= (byte) label;
        int blocks = (length + 15) / 16;
        byte[] counters = new byte[blocks * 16];
        for (int j = 0; j < blocks; j++) {
            // the IV is x * 2^16; the low 16 bits count the blocks
            System.arraycopy(block, 0, counters, j * 16, 14);
            counters[j * 16 + 14] = (byte) (j >>> 8);
            counters[j * 16 + 15] = (byte) j;
        }
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"));
            byte[] out = ecb.doFinal(counters);
            byte[] result = new byte[length];
            System.arraycopy(out, 0, result, 0, length);
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available from the JCE", e);
        }
    }

    /** The three session keys for SRTP or SRTCP of one master key. */
    record SessionKeys(byte[] encryptionKey, byte[] authKey, byte[] salt) {
    }

    static SessionKeys sessionKeys(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, boolean rtcp) {
        int base = rtcp ? LABEL_RTCP_ENCRYPTION : LABEL_RTP_ENCRYPTION;
        byte[] enc = derive(masterKey, masterSalt, base, profile.masterKeyLength());
        byte[] auth = profile.isAead() ? new byte[0]
                : derive(masterKey, masterSalt, base + 1, SrtpProfile.HMAC_SHA1_KEY_LENGTH);
        byte[] salt = derive(masterKey, masterSalt, base + 2, profile.masterSaltLength());
        return new SessionKeys(enc, auth, salt);
    }
}
