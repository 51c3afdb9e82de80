package dev.jrtc.dtls;

import java.io.IOException;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/** Builds BC signing credentials from a {@link DtlsCertificate}, choosing a signature scheme the peer accepts. */
final class Signers {
    private static final SignatureAndHashAlgorithm ECDSA_SHA256 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);
    private static final SignatureAndHashAlgorithm RSA_PKCS1_SHA256 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa);

    private Signers() {
    }

    /**
     * Signature schemes we can produce with {@code keyType}, most preferred first. PKCS#1 comes
     * before PSS for RSA because the JDK signs it natively (PSS goes through the BC fallback).
     */
    static List<SignatureAndHashAlgorithm> schemes(DtlsKeyType keyType) {
        return keyType == DtlsKeyType.ECDSA_P256
                ? List.of(ECDSA_SHA256)
                : List.of(RSA_PKCS1_SHA256, SignatureAndHashAlgorithm.rsa_pss_rsae_sha256);
    }

    /** Every scheme jrtc accepts from a peer, for CertificateRequest and signature_algorithms. */
    static Vector<SignatureAndHashAlgorithm> acceptedFromPeer() {
        Vector<SignatureAndHashAlgorithm> v = new Vector<>();
        v.add(ECDSA_SHA256);
        v.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa));
        v.add(SignatureAndHashAlgorithm.rsa_pss_rsae_sha256);
        v.add(RSA_PKCS1_SHA256);
        v.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.rsa));
        return v;
    }

    /**
     * A signer for our certificate using the first of our schemes the peer listed (or our first
     * if it listed none, which TLS 1.2 reads as "SHA-1 or anything").
     */
    static TlsCredentialedSigner create(TlsContext context, JcaTlsCrypto crypto, DtlsCertificate certificate,
            Vector<?> peerSchemes) throws IOException {
        List<SignatureAndHashAlgorithm> ours = schemes(certificate.keyType());
        SignatureAndHashAlgorithm chosen = ours.get(0);
        if (peerSchemes != null) {
            for (SignatureAndHashAlgorithm s : ours) {
                if (peerSchemes.contains(s)) {
                    chosen = s;
                    break;
                }
            }
        }
        TlsCertificate tlsCertificate = crypto.createCertificate(certificate.derNoCopy());
        return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, certificate.privateKey(),
                new Certificate(new TlsCertificate[] {tlsCertificate}), chosen);
    }
}
