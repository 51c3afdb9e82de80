package dev.jrtc.dtls;

import java.util.Optional;

/**
 * The SRTP protection profiles that jrtc negotiates in the DTLS {@code use_srtp} extension
 * (RFC 5764 section 4.1.2, RFC 7714 section 14.2), with the master key and salt lengths that the
 * exported keying material is cut into.
 */
public enum SrtpProtectionProfile {
    /** RFC 5764: AES-128 counter mode, 80-bit HMAC-SHA1 tag. */
    SRTP_AES128_CM_HMAC_SHA1_80(0x0001, 16, 14),
    /** RFC 5764: AES-128 counter mode, 32-bit HMAC-SHA1 tag (RTP only; RTCP keeps 80 bits). */
    SRTP_AES128_CM_HMAC_SHA1_32(0x0002, 16, 14),
    /** RFC 7714: AES-128-GCM with a 16-byte tag and a 12-byte salt. */
    SRTP_AEAD_AES_128_GCM(0x0007, 16, 12),
    /** RFC 7714: AES-256-GCM with a 16-byte tag and a 12-byte salt. */
    SRTP_AEAD_AES_256_GCM(0x0008, 32, 12);

    private final int id;
    private final int keyLength;
    private final int saltLength;

    SrtpProtectionProfile(int id, int keyLength, int saltLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
    }

    /** The two-byte identifier carried in {@code use_srtp}. */
    public int id() {
        return id;
    }

    /** Master key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Master salt length in bytes. */
    public int saltLength() {
        return saltLength;
    }

    /** How many bytes to export with {@code EXTRACTOR-dtls_srtp}: 2 * (key + salt). */
    public int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    /** The profile with this wire identifier, if jrtc supports it. */
    public static Optional<SrtpProtectionProfile> fromId(int id) {
        for (SrtpProtectionProfile p : values()) {
            if (p.id == id) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
