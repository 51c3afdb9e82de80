package dev.jrtc.dtls;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.NoSuchPaddingException;
import org.bouncycastle.jcajce.util.DefaultJcaJceHelper;
import org.bouncycastle.jcajce.util.ProviderJcaJceHelper;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * BC's JCA-based TLS crypto over the JDK's providers (SunJCE for AES-GCM and HMAC, SunEC for
 * ECDSA/ECDH/X25519). Two gaps remain: ChaCha20-Poly1305 (BC's JCA layer asks for its
 * own {@code ChaCha7539} cipher and {@code Poly1305} MAC, which the JDK names differently) and
 * RSA-PSS as BC names it ({@code SHA256WITHRSASSA-PSS}). Only a cipher, MAC or signature the JDK lacks is taken from a private Bouncy Castle provider instance, created on
 * first need and never installed in {@link java.security.Security}.
 */
final class JdkFirstTlsCrypto extends JcaTlsCrypto {

    JdkFirstTlsCrypto(SecureRandom random) {
        super(new JdkFirstHelper(), random, random);
    }

    private static final class JdkFirstHelper extends DefaultJcaJceHelper {
        @Override
        public Cipher createCipher(String algorithm) throws NoSuchAlgorithmException, NoSuchPaddingException {
            try {
                return super.createCipher(algorithm);
            } catch (NoSuchAlgorithmException e) {
                return BcFallback.HELPER.createCipher(algorithm);
            }
        }

        @Override
        public Signature createSignature(String algorithm) throws NoSuchAlgorithmException {
            try {
                return super.createSignature(algorithm);
            } catch (NoSuchAlgorithmException e) {
                return BcFallback.HELPER.createSignature(algorithm);
            }
        }

        @Override
        public Mac createMac(String algorithm) throws NoSuchAlgorithmException {
            try {
                return super.createMac(algorithm);
            } catch (NoSuchAlgorithmException e) {
                return BcFallback.HELPER.createMac(algorithm);
            }
        }
    }

    /** Holder: the BC provider is built only when a ChaCha20 suite is actually used. */
    private static final class BcFallback {
        static final Provider PROVIDER = new BouncyCastleProvider();
        static final ProviderJcaJceHelper HELPER = new ProviderJcaJceHelper(PROVIDER);
    }
}
