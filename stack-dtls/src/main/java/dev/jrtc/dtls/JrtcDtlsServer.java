package dev.jrtc.dtls;

import dev.jrtc.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * jrtc's DTLS server policy for Bouncy Castle: DTLS 1.2 only (a client offering DTLS 1.3 in
 * {@code supported_versions} gets 1.2), ECDHE+AEAD suites for our key type, Extended Master Secret
 * required, a CertificateRequest always sent, the client's certificate checked against the
 * signalled fingerprint inside {@link #notifyClientCertificate}, and one of our SRTP profiles
 * chosen from the client's offer.
 */
class JrtcDtlsServer extends DefaultTlsServer {
    private final DtlsConfig config;
    private final HandshakeRecorder recorder;
    private final PeerCertificateCheck certificateCheck;
    private final SrtpNegotiation srtp;
    private final PeerTimers timers;
    private SrtpProfile chosenProfile;

    JrtcDtlsServer(JcaTlsCrypto crypto, DtlsConfig config, HandshakeRecorder recorder) {
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
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        chosenProfile = srtp.select(clientExtensions);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Hashtable<Integer, byte[]> getServerExtensions() throws IOException {
        Hashtable<Integer, byte[]> extensions = super.getServerExtensions();
        SrtpNegotiation.answer(extensions, chosenProfile);
        return extensions;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return signer();
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
        return signer();
    }

    private TlsCredentialedSigner signer() throws IOException {
        return Signers.create(context, (JcaTlsCrypto) getCrypto(), config.certificate(),
                context.getSecurityParametersHandshake().getClientSigAlgs());
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        // No CA list: WebRTC certificates are self-signed and authenticated by fingerprint.
        return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
                Signers.acceptedFromPeer(), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        certificateCheck.verify(clientCertificate, new DtlsFailure.NoClientCertificate());
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
