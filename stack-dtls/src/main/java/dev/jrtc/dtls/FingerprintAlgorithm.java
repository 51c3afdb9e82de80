package dev.jrtc.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * The hash functions an SDP {@code a=fingerprint} may name (RFC 8122 section 5, using the
 * IANA "Hash Function Textual Names"). jrtc advertises {@code sha-256}; the others are accepted
 * when a peer uses them.
 */
public enum FingerprintAlgorithm {
    /** Accepted for verification only: SHA-1 is too weak to advertise. */
    SHA_1("sha-1", "SHA-1"),
    /** What jrtc advertises and what every browser uses. */
    SHA_256("sha-256", "SHA-256"),
    /** Accepted for verification. */
    SHA_384("sha-384", "SHA-384"),
    /** Accepted for verification. */
    SHA_512("sha-512", "SHA-512");

    private final String sdpName;
    private final String jcaName;

    FingerprintAlgorithm(String sdpName, String jcaName) {
        this.sdpName = sdpName;
        this.jcaName = jcaName;
    }

    /** The token used in SDP, e.g. {@code sha-256}. */
    public String sdpName() {
        return sdpName;
    }

    /** The digest of {@code der}. */
    byte[] digest(byte[] der) {
        try {
            return MessageDigest.getInstance(jcaName).digest(der);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide these four digests.
            throw new IllegalStateException(jcaName + " missing from this JDK", e);
        }
    }

    /** The algorithm an SDP token names, case-insensitively. */
    public static Optional<FingerprintAlgorithm> fromSdpName(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        for (FingerprintAlgorithm a : values()) {
            if (a.sdpName.equals(t)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
