package dev.jrtc.dtls;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.crypto.TlsCertificate;

/**
 * The WebRTC identity check (RFC 8122, RFC 8827 section 6.5): the peer's end-entity certificate
 * must hash to one of the fingerprints signalled in SDP. It runs inside BC's certificate callback,
 * so a mismatch aborts with {@code bad_certificate} before any key exchange message is processed.
 * (BC still checks the CertificateVerify/ServerKeyExchange signature, which proves the peer holds
 * the private key.)
 */
final class PeerCertificateCheck {
    private final List<CertificateFingerprint> expected;
    private final HandshakeRecorder recorder;

    PeerCertificateCheck(List<CertificateFingerprint> expected, HandshakeRecorder recorder) {
        this.expected = expected;
        this.recorder = recorder;
    }

    /** Verifies the chain or throws the fatal alert to abort with. */
    void verify(Certificate certificate, DtlsFailure ifEmpty) throws IOException {
        if (certificate == null || certificate.isEmpty()) {
            throw recorder.fail(ifEmpty, AlertDescription.handshake_failure);
        }
        List<byte[]> chain = new ArrayList<>();
        for (TlsCertificate c : certificate.getCertificateList()) {
            chain.add(c.getEncoded());
        }
        byte[] leaf = chain.get(0);
        for (CertificateFingerprint fingerprint : expected) {
            if (fingerprint.matches(leaf)) {
                recorder.peerVerified(chain, fingerprint);
                return;
            }
        }
        CertificateFingerprint actual = CertificateFingerprint.of(expected.get(0).algorithm(), leaf);
        throw recorder.fail(new DtlsFailure.FingerprintMismatch(expected, actual), AlertDescription.bad_certificate);
    }
}
