package dev.jrtc.dtls;

import dev.jrtc.common.ParseException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A certificate fingerprint as carried in SDP {@code a=fingerprint} (RFC 8122 section 5): a hash
 * algorithm and the digest of the DER-encoded certificate.
 */
public record CertificateFingerprint(FingerprintAlgorithm algorithm, byte[] digest) {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Copies the digest. */
    public CertificateFingerprint {
        Objects.requireNonNull(algorithm, "algorithm");
        digest = Objects.requireNonNull(digest, "digest").clone();
    }

    /** The fingerprint of a DER-encoded certificate. */
    public static CertificateFingerprint of(FingerprintAlgorithm algorithm, byte[] der) {
        return new CertificateFingerprint(algorithm, algorithm.digest(der));
    }

    /**
     * Parses the value of an {@code a=fingerprint} attribute, e.g.
     * {@code sha-256 AB:CD:...}. Hex digits may be either case.
     */
    public static CertificateFingerprint parse(String sdpValue) throws ParseException {
        String[] parts = sdpValue.trim().split("\\s+");
        if (parts.length != 2) {
            throw new ParseException("a=fingerprint needs '<hash> <hex>', got '" + sdpValue + "'");
        }
        FingerprintAlgorithm algorithm = FingerprintAlgorithm.fromSdpName(parts[0])
                .orElseThrow(() -> new ParseException("unsupported fingerprint hash '" + parts[0] + "'"));
        String[] octets = parts[1].split(":", -1);
        byte[] digest = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            if (octets[i].length() != 2) {
                throw new ParseException("fingerprint octet " + i + " is not two hex digits: '" + octets[i] + "'");
            }
            int hi = Character.digit(octets[i].charAt(0), 16);
            int lo = Character.digit(octets[i].charAt(1), 16);
            if (hi < 0 || lo < 0) {
                throw new ParseException("fingerprint octet " + i + " is not hex: '" + octets[i] + "'");
            }
            digest[i] = (byte) (hi << 4 | lo);
        }
        int expected = algorithm.digest(new byte[0]).length;
        if (digest.length != expected) {
            throw new ParseException(algorithm.sdpName() + " fingerprint has " + digest.length + " octets, expected " + expected);
        }
        return new CertificateFingerprint(algorithm, digest);
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    /** Whether {@code der} hashes to this fingerprint; compares in constant time. */
    public boolean matches(byte[] der) {
        return MessageDigest.isEqual(digest, algorithm.digest(der));
    }

    /** The digest as uppercase colon-separated hex, e.g. {@code 0A:1B:...}. */
    public String hex() {
        StringBuilder sb = new StringBuilder(digest.length * 3);
        for (int i = 0; i < digest.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(HEX[(digest[i] >> 4) & 0xF]).append(HEX[digest[i] & 0xF]);
        }
        return sb.toString();
    }

    /** The attribute value for SDP: {@code sha-256 0A:1B:...}. */
    public String toSdpValue() {
        return algorithm.sdpName() + " " + hex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateFingerprint other && algorithm == other.algorithm && Arrays.equals(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return toSdpValue();
    }
}
