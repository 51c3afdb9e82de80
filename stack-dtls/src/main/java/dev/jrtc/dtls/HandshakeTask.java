package dev.jrtc.dtls;

import dev.jrtc.srtp.SrtpProfile;
import java.util.function.Consumer;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * Runs Bouncy Castle's blocking handshake to its end on the injected executor's thread and
 * publishes one {@link HandshakeOutcome} (the SRTP keys were exported inside BC's
 * {@code notifyHandshakeComplete}). It never touches the engine's loop-owned state.
 */
final class HandshakeTask implements Runnable {
    private final DtlsConfig config;
    private final JcaTlsCrypto crypto;
    private final BridgedDatagramTransport transport;
    private final PeerFactory peers;
    private final Consumer<HandshakeOutcome> publish;
    private final RecordLayer records;

    HandshakeTask(DtlsConfig config, JcaTlsCrypto crypto, BridgedDatagramTransport transport, PeerFactory peers,
            RecordLayer records, Consumer<HandshakeOutcome> publish) {
        this.records = records;
        this.peers = peers;
        this.config = config;
        this.crypto = crypto;
        this.transport = transport;
        this.publish = publish;
    }

    @Override
    public void run() {
        HandshakeRecorder recorder = new HandshakeRecorder();
        HandshakeOutcome outcome = null;
        try {
            outcome = handshake(recorder);
        } catch (Exception e) {
            outcome = new HandshakeOutcome.Failed(recorder.classify(e, config));
        } finally {
            // Even an Error publishes an outcome, so the loop is never left waiting for a dead thread.
            publish.accept(outcome != null ? outcome
                    : new HandshakeOutcome.Failed(new DtlsFailure.TransportError("handshake thread ended abnormally")));
        }
    }

    /** The keys for jrtc's own record layer, unless this engine is to keep BC's for everything. */
    private GcmRecordKeys recordKeys(HandshakeRecorder recorder) {
        return records == RecordLayer.JDK_AES_GCM ? recorder.recordKeys() : null;
    }

    private HandshakeOutcome handshake(HandshakeRecorder recorder) throws Exception {
        DTLSTransport dtls;
        if (config.role() == DtlsRole.CLIENT) {
            dtls = new DTLSClientProtocol().connect(peers.newClient(crypto, config, recorder), transport);
        } else {
            dtls = new DTLSServerProtocol().accept(peers.newServer(crypto, config, recorder), transport);
        }
        SrtpProfile profile = recorder.srtpProfile();
        int suiteId = recorder.cipherSuite();
        DtlsCipherSuite suite = DtlsCipherSuite.fromId(suiteId)
                .orElseThrow(() -> new IllegalStateException("BC negotiated a suite we did not offer: " + suiteId));
        byte[] material = recorder.keyingMaterial();
        return new HandshakeOutcome.Succeeded(dtls,
                new DtlsEvent.PeerCertificate(recorder.peerChain(), recorder.matchedFingerprint()),
                new DtlsEvent.SrtpKeysExported(config.role(), profile, material),
                new DtlsEvent.Connected(config.role(), suite, profile), recordKeys(recorder));
    }
}
