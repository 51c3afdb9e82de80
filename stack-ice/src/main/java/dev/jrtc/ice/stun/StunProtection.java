package dev.jrtc.ice.stun;

/**
 * How an encoded message is protected: which MESSAGE-INTEGRITY, with what key, and whether a
 * FINGERPRINT follows. ICE checks use {@link #shortTerm}; TURN uses {@link #longTerm}.
 */
public record StunProtection(IntegrityAlgorithm integrity, byte[] key, boolean fingerprint) {
    /** Which MESSAGE-INTEGRITY attribute to add. */
    public enum IntegrityAlgorithm { NONE, SHA1, SHA256 }

    /** Checks that a key comes with an algorithm. */
    public StunProtection {
        if ((integrity == IntegrityAlgorithm.NONE) != (key == null)) {
            throw new IllegalArgumentException("a key is needed exactly when there is integrity");
        }
        key = key == null ? null : key.clone();
    }

    /** No integrity and no fingerprint: a STUN server's binding response to an anonymous request. */
    public static StunProtection none() {
        return new StunProtection(IntegrityAlgorithm.NONE, null, false);
    }

    /** Only a FINGERPRINT: an unauthenticated Binding request to a STUN server. */
    public static StunProtection fingerprintOnly() {
        return new StunProtection(IntegrityAlgorithm.NONE, null, true);
    }

    /** MESSAGE-INTEGRITY (HMAC-SHA1) with a short-term key, then FINGERPRINT: what ICE uses. */
    public static StunProtection shortTerm(byte[] key) {
        return new StunProtection(IntegrityAlgorithm.SHA1, key, true);
    }

    /** MESSAGE-INTEGRITY (HMAC-SHA1) with a long-term key and no fingerprint, as RFC 5769 section 2.4 shows. */
    public static StunProtection longTerm(byte[] key) {
        return new StunProtection(IntegrityAlgorithm.SHA1, key, false);
    }

    /** The same protection with a FINGERPRINT added. */
    public StunProtection withFingerprint() {
        return new StunProtection(integrity, key, true);
    }
}
