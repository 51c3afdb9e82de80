package dev.jrtc.ice.stun;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA1 and HMAC-SHA256 over a STUN message prefix whose length field is rewritten. */
final class Hmac {
    // Mac objects are costly to look up; one per thread per algorithm is plenty.
    private static final ThreadLocal<Mac> SHA1 = ThreadLocal.withInitial(() -> mac("HmacSHA1"));
    private static final ThreadLocal<Mac> SHA256 = ThreadLocal.withInitial(() -> mac("HmacSHA256"));

    private Hmac() {
    }

    private static Mac mac(String algorithm) {
        try {
            return Mac.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }

    /**
     * The HMAC over {@code msg[0, end)} where the header's length field reads {@code lengthField}
     * instead of what is in {@code msg} (RFC 8489, sections 14.5 and 14.6).
     */
    static byte[] compute(boolean sha256, byte[] key, byte[] msg, int offset, int end, int lengthField) {
        Mac mac = (sha256 ? SHA256 : SHA1).get();
        try {
            // An empty key is legal in STUN but not for SecretKeySpec; HMAC pads keys with zeros anyway.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, mac.getAlgorithm()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        mac.update(msg, offset, 2);
        mac.update((byte) (lengthField >>> 8));
        mac.update((byte) lengthField);
        mac.update(msg, offset + 4, end - offset - 4);
        return mac.doFinal();
    }
}
