package dev.jrtc.dtls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate and its private key, as WebRTC uses them: identity comes from the
 * fingerprint in SDP, not from a CA. Generate one per application (or per peer connection when
 * unlinkability matters) and reuse it across connections; it is immutable and thread-safe.
 */
public final class DtlsCertificate {
    /** Back-dated a day so that a peer whose clock runs behind still accepts it. */
    public static final Duration NOT_BEFORE_SKEW = Duration.ofDays(1);
    /** Browsers generate 30-day certificates; so do we. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);

    private final DtlsKeyType keyType;
    private final PrivateKey privateKey;
    private final byte[] der;
    private final X509Certificate x509;

    private DtlsCertificate(DtlsKeyType keyType, PrivateKey privateKey, byte[] der) {
        this.keyType = keyType;
        this.privateKey = privateKey;
        this.der = der;
        this.x509 = parse(der);
    }

    /**
     * Generates a key pair and a self-signed certificate valid from {@code nowEpochMillis - 1 day}
     * to {@code nowEpochMillis + 30 days}.
     *
     * @param nowEpochMillis the wall clock, injected (a core does not read clocks)
     */
    public static DtlsCertificate generate(DtlsKeyType keyType, SecureRandom random, long nowEpochMillis) {
        return generate(keyType, random, nowEpochMillis, DEFAULT_LIFETIME);
    }

    /** As {@link #generate(DtlsKeyType, SecureRandom, long)} with an explicit lifetime. */
    public static DtlsCertificate generate(DtlsKeyType keyType, SecureRandom random, long nowEpochMillis, Duration lifetime) {
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(random, "random");
        try {
            KeyPair keyPair = newKeyPair(keyType, random);
            byte[] serialBytes = new byte[8];
            random.nextBytes(serialBytes);
            serialBytes[0] &= 0x7F; // positive, as RFC 5280 requires
            // A random CN, like browsers use, so certificates do not link connections by name.
            X500Name name = new X500Name("CN=jrtc-" + HexFormat.of().formatHex(serialBytes));
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(1, serialBytes),
                    new Date(nowEpochMillis - NOT_BEFORE_SKEW.toMillis()), new Date(nowEpochMillis + lifetime.toMillis()),
                    name, keyPair.getPublic());
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(keyType))
                    .setSecureRandom(random)
                    .build(keyPair.getPrivate());
            return new DtlsCertificate(keyType, keyPair.getPrivate(), builder.build(signer).getEncoded());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("could not generate a " + keyType + " certificate", e);
        }
    }

    /**
     * Wraps an existing certificate and key (e.g. one loaded from disk so that the fingerprint
     * stays stable across restarts).
     */
    public static DtlsCertificate of(DtlsKeyType keyType, PrivateKey privateKey, byte[] der) {
        return new DtlsCertificate(Objects.requireNonNull(keyType), Objects.requireNonNull(privateKey), der.clone());
    }

    private static KeyPair newKeyPair(DtlsKeyType keyType, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator;
        switch (keyType) {
            case ECDSA_P256 -> {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            }
            case RSA_2048 -> {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), random);
            }
            default -> throw new IllegalArgumentException(keyType.toString());
        }
        return generator.generateKeyPair();
    }

    private static String signatureAlgorithm(DtlsKeyType keyType) {
        return keyType == DtlsKeyType.ECDSA_P256 ? "SHA256withECDSA" : "SHA256withRSA";
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a DER X.509 certificate", e);
        }
    }

    /** The key type. */
    public DtlsKeyType keyType() {
        return keyType;
    }

    /** The DER encoding (a copy). */
    public byte[] der() {
        return der.clone();
    }

    /** The certificate as a JDK object, for inspection. */
    public X509Certificate x509() {
        return x509;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    byte[] derNoCopy() {
        return der;
    }

    /** The fingerprint to advertise in SDP {@code a=fingerprint}. */
    public CertificateFingerprint fingerprint(FingerprintAlgorithm algorithm) {
        return CertificateFingerprint.of(algorithm, der);
    }

    /** The {@code sha-256} fingerprint, which jrtc advertises. */
    public CertificateFingerprint fingerprint() {
        return fingerprint(FingerprintAlgorithm.SHA_256);
    }

    @Override
    public String toString() {
        return "DtlsCertificate[" + keyType + ", " + fingerprint().toSdpValue() + "]";
    }
}
