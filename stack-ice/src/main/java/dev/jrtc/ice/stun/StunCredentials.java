package dev.jrtc.ice.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;

/** Keys for MESSAGE-INTEGRITY (RFC 8489, section 9). */
public final class StunCredentials {
    private StunCredentials() {
    }

    /** The short-term key: the password itself, after OpaqueString preparation. */
    public static byte[] shortTermKey(String password) {
        return prepare(password).getBytes(StandardCharsets.UTF_8);
    }

    /** The long-term key: MD5(username ":" realm ":" password). */
    public static byte[] longTermKey(String username, String realm, String password) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return md5.digest((username + ":" + realm + ":" + prepare(password)).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /**
     * An approximation of the OpaqueString profile (RFC 8265) / SASLprep: compatibility
     * normalisation (NFKC), which maps e.g. U+00AA to "a" and U+2168 to "IX". ASCII passwords,
     * which is what ICE and nearly every TURN deployment use, are unchanged.
     */
    static String prepare(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }
}
