package dev.jrtc.srtp;

/**
 * The four SRTP protection profiles that WebRTC negotiates in DTLS-SRTP (RFC 5764 §4.1.2,
 * RFC 7714 §14.2), with the lengths that each one fixes.
 *
 * <p>All profiles derive session keys with the AES-CM PRF of RFC 3711 §4.3.3 at a key derivation
 * rate of 0. The CM profiles authenticate with HMAC-SHA1 and a truncated tag; the AEAD profiles
 * use AES-GCM with a 16-byte tag and no separate authentication key.
 */
public enum SrtpProfile {
    /** AES-128 counter mode, HMAC-SHA1 with an 80-bit tag on SRTP and SRTCP. DTLS-SRTP id 0x0001. */
    AES_CM_128_HMAC_SHA1_80(0x0001, 16, 14, 10, 10, false),
    /** AES-128 counter mode, 32-bit HMAC-SHA1 tag on SRTP but 80 bits on SRTCP (RFC 5764 §4.1.2). Id 0x0002. */
    AES_CM_128_HMAC_SHA1_32(0x0002, 16, 14, 4, 10, false),
    /** AES-128 GCM with a 16-byte tag (RFC 7714). DTLS-SRTP id 0x0007. */
    AEAD_AES_128_GCM(0x0007, 16, 12, 16, 16, true),
    /** AES-256 GCM with a 16-byte tag (RFC 7714). DTLS-SRTP id 0x0008. */
    AEAD_AES_256_GCM(0x0008, 32, 12, 16, 16, true);

    /** Length of the HMAC-SHA1 session authentication key that the CM profiles derive. */
    static final int HMAC_SHA1_KEY_LENGTH = 20;
    /** Length of the E flag plus the 31-bit SRTCP index that every SRTCP packet carries. */
    static final int SRTCP_INDEX_LENGTH = 4;

    private final int dtlsProfileId;
    private final int masterKeyLength;
    private final int masterSaltLength;
    private final int rtpAuthTagLength;
    private final int rtcpAuthTagLength;
    private final boolean aead;

    SrtpProfile(int dtlsProfileId, int masterKeyLength, int masterSaltLength,
                int rtpAuthTagLength, int rtcpAuthTagLength, boolean aead) {
        this.dtlsProfileId = dtlsProfileId;
        this.masterKeyLength = masterKeyLength;
        this.masterSaltLength = masterSaltLength;
        this.rtpAuthTagLength = rtpAuthTagLength;
        this.rtcpAuthTagLength = rtcpAuthTagLength;
        this.aead = aead;
    }

    /** The SRTPProtectionProfile value in the DTLS use_srtp extension. */
    public int dtlsProfileId() {
        return dtlsProfileId;
    }

    /** Length in bytes of the master key, which is also the session encryption key length. */
    public int masterKeyLength() {
        return masterKeyLength;
    }

    /** Length in bytes of the master salt, which is also the session salt length. */
    public int masterSaltLength() {
        return masterSaltLength;
    }

    /** Bytes that protect adds to an RTP packet: the authentication tag. */
    public int rtpAuthTagLength() {
        return rtpAuthTagLength;
    }

    /** Length of the SRTCP authentication tag alone. */
    public int rtcpAuthTagLength() {
        return rtcpAuthTagLength;
    }

    /** Whether this is an AEAD (GCM) profile. */
    public boolean isAead() {
        return aead;
    }

    /** Tail room protect needs after an RTP packet. */
    public int rtpOverhead() {
        return rtpAuthTagLength;
    }

    /** Tail room protect needs after an RTCP packet: the E flag and SRTCP index, then the tag. */
    public int rtcpOverhead() {
        return SRTCP_INDEX_LENGTH + rtcpAuthTagLength;
    }

    /** Length of the DTLS exporter output (RFC 5764 §4.2): two master keys and two master salts. */
    public int keyingMaterialLength() {
        return 2 * (masterKeyLength + masterSaltLength);
    }

    /**
     * The profile with the given DTLS-SRTP id.
     *
     * @throws IllegalArgumentException if jrtc does not implement that profile
     */
    public static SrtpProfile fromDtlsProfileId(int id) {
        for (SrtpProfile p : values()) {
            if (p.dtlsProfileId == id) {
                return p;
            }
        }
        throw new IllegalArgumentException(String.format("unsupported DTLS-SRTP protection profile 0x%04x", id));
    }
}
