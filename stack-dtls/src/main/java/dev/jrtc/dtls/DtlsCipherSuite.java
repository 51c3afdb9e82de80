package dev.jrtc.dtls;

import java.util.Optional;
import org.bouncycastle.tls.CipherSuite;

/**
 * The DTLS 1.2 cipher suites jrtc negotiates: ECDHE with AEAD only (no CBC, no static RSA). The
 * server's certificate type decides between the ECDSA and RSA families.
 */
public enum DtlsCipherSuite {
    /** The WebRTC workhorse (RFC 8827 section 6.5). */
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, DtlsKeyType.ECDSA_P256),
    /** Selected when the peer prefers it. */
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, DtlsKeyType.ECDSA_P256),
    /** Selected when the peer prefers it (devices without AES hardware). */
    TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, DtlsKeyType.ECDSA_P256),
    /** For an RSA certificate. */
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, DtlsKeyType.RSA_2048),
    /** For an RSA certificate. */
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, DtlsKeyType.RSA_2048),
    /** For an RSA certificate. */
    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, DtlsKeyType.RSA_2048);

    private final int id;
    private final DtlsKeyType serverKeyType;

    DtlsCipherSuite(int id, DtlsKeyType serverKeyType) {
        this.id = id;
        this.serverKeyType = serverKeyType;
    }

    /** The IANA identifier. */
    public int id() {
        return id;
    }

    /** The kind of certificate a server needs to select this suite. */
    public DtlsKeyType serverKeyType() {
        return serverKeyType;
    }

    /** The suite with this IANA identifier, if jrtc supports it. */
    public static Optional<DtlsCipherSuite> fromId(int id) {
        for (DtlsCipherSuite s : values()) {
            if (s.id == id) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
