package dev.jrtc.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * jrtc's DTLS client policy for Bouncy Castle: DTLS 1.2 only, ECDHE+AEAD suites, Extended Master
 * Secret required, {@code use_srtp} offered, and the server's certificate checked against the
 * signalled fingerprint inside {@link TlsAuthentication#notifyServerCertificate}.
 */
class JrtcDtlsClient extends DefaultTlsClient {
    private final DtlsConfig config;
    private final HandshakeRecorder recorder;
    private final PeerCertificateCheck certificateCheck;
    private final SrtpNegotiation srtp;
    private final PeerTimers timers;

    JrtcDtlsClient(JcaTlsCrypto crypto, DtlsConfig config, HandshakeRecorder recorder) {
        super(crypto);
        this.config = config;
        this.recorder = recorder;
        this.certificateCheck = new PeerCertificateCheck(config.remoteFingerprints(), recorder);
        this.srtp = new SrtpNegotiation(config.srtpProfiles(), recorder);
        this.timers = PeerTimers.from(config);
    }

    /** The BC context, for key export once the handshake is done. */
    TlsContext tlsContext() {
        return context;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return config.usableCipherSuites().stream().mapToInt(DtlsCipherSuite::id).toArray();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Hashtable<Integer, byte[]> getClientExtensions() throws IOException {
        Hashtable<Integer, byte[]> extensions = super.getClientExtensions();
        srtp.offer(extensions);
        return extensions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        srtp.acceptServerChoice(serverExtensions);
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                certificateCheck.verify(serverCertificate.getCertificate(), new DtlsFailure.NoPeerCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return Signers.create(context, (JcaTlsCrypto) getCrypto(), config.certificate(),
                        request.getSupportedSignatureAlgorithms());
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        recorder.handshakeComplete(context); // BC allows key export only inside this callback
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return timers.handshakeTimeoutMillis();
    }

    @Override
    public int getHandshakeResendTimeMillis() {
        return timers.initialResendMillis();
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        recorder.alertReceived(alertLevel, alertDescription);
    }
}
