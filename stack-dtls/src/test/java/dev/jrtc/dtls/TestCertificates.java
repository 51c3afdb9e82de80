package dev.jrtc.dtls;

import java.security.SecureRandom;
import java.util.List;

/** Certificates and configs for tests; generated once per JVM because RSA key generation is slow. */
final class TestCertificates {
    static final long NOW_EPOCH_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z, a fixed wall clock
    static final SecureRandom RANDOM = new SecureRandom();
    static final DtlsCertificate CLIENT_EC = DtlsCertificate.generate(DtlsKeyType.ECDSA_P256, RANDOM, System.currentTimeMillis());
    static final DtlsCertificate SERVER_EC = DtlsCertificate.generate(DtlsKeyType.ECDSA_P256, RANDOM, System.currentTimeMillis());
    static final DtlsCertificate STRANGER_EC = DtlsCertificate.generate(DtlsKeyType.ECDSA_P256, RANDOM, System.currentTimeMillis());
    private static DtlsCertificate serverRsa;

    private TestCertificates() {
    }

    static synchronized DtlsCertificate serverRsa() {
        if (serverRsa == null) {
            serverRsa = DtlsCertificate.generate(DtlsKeyType.RSA_2048, RANDOM, System.currentTimeMillis());
        }
        return serverRsa;
    }

    /** A client that expects {@code server}'s certificate. */
    static DtlsConfig client(DtlsCertificate own, DtlsCertificate expectedPeer) {
        return DtlsConfig.of(DtlsRole.CLIENT, own, List.of(expectedPeer.fingerprint()));
    }

    /** A server that expects {@code client}'s certificate. */
    static DtlsConfig server(DtlsCertificate own, DtlsCertificate expectedPeer) {
        return DtlsConfig.of(DtlsRole.SERVER, own, List.of(expectedPeer.fingerprint()));
    }

    static DtlsConfig defaultClient() {
        return client(CLIENT_EC, SERVER_EC);
    }

    static DtlsConfig defaultServer() {
        return server(SERVER_EC, CLIENT_EC);
    }
}
