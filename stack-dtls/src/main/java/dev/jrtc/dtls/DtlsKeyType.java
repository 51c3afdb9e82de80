package dev.jrtc.dtls;

/** The key types jrtc can generate a self-signed DTLS certificate for. */
public enum DtlsKeyType {
    /** ECDSA on P-256 with SHA-256: what browsers generate, and jrtc's default. */
    ECDSA_P256,
    /** RSA-2048 with SHA-256, for peers that cannot do ECDSA. */
    RSA_2048
}
