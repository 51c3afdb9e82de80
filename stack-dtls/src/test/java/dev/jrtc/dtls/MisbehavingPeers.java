package dev.jrtc.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/** BC clients that break one rule each, for checking that our server copes. */
final class MisbehavingPeers {
    private MisbehavingPeers() {
    }

    /** A client that answers the CertificateRequest with an empty Certificate message. */
    static final PeerFactory CLIENT_WITHOUT_CERTIFICATE = clientFactory(NoCertificateClient::new);

    /** A client whose ClientHello lists DTLS 1.3 and 1.2 in supported_versions, as Firefox's NSS does. */
    static final PeerFactory CLIENT_OFFERING_DTLS13 = clientFactory(Dtls13OfferingClient::new);

    private interface ClientConstructor {
        JrtcDtlsClient create(JcaTlsCrypto crypto, DtlsConfig config, HandshakeRecorder recorder);
    }

    private static PeerFactory clientFactory(ClientConstructor constructor) {
        return new PeerFactory() {
            @Override
            public JrtcDtlsClient newClient(JcaTlsCrypto crypto, DtlsConfig config, HandshakeRecorder recorder) {
                return constructor.create(crypto, config, recorder);
            }

            @Override
            public JrtcDtlsServer newServer(JcaTlsCrypto crypto, DtlsConfig config, HandshakeRecorder recorder) {
                return PeerFactory.JRTC.newServer(crypto, config, recorder);
            }
        };
    }

    private static final class NoCertificateClient extends JrtcDtlsClient {
        NoCertificateClient(JcaTlsCrypto crypto, DtlsConfig config, HandshakeRecorder recorder) {
            super(crypto, config, recorder);
        }

        @Override
        public TlsAuthentication getAuthentication() {
            TlsAuthentication real = super.getAuthentication();
            return new TlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                    real.notifyServerCertificate(serverCertificate);
                }

                @Override
                public TlsCredentials getClientCredentials(CertificateRequest request) {
                    return null;
                }
            };
        }
    }

    private static final class Dtls13OfferingClient extends JrtcDtlsClient {
        Dtls13OfferingClient(JcaTlsCrypto crypto, DtlsConfig config, HandshakeRecorder recorder) {
            super(crypto, config, recorder);
        }

        @Override
        public Hashtable<Integer, byte[]> getClientExtensions() throws IOException {
            Hashtable<Integer, byte[]> extensions = super.getClientExtensions();
            // BC 1.84 cannot speak DTLS 1.3 itself, so we write the offer by hand: 0xFEFC, 0xFEFD.
            TlsExtensionsUtils.addSupportedVersionsExtensionClient(extensions,
                    new ProtocolVersion[] {ProtocolVersion.DTLSv13, ProtocolVersion.DTLSv12});
            return extensions;
        }
    }
}
