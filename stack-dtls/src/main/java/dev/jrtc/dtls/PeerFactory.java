package dev.jrtc.dtls;

import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * Makes the BC client or server for one handshake. Production always uses {@link #JRTC}; tests in
 * this package substitute subclasses that misbehave (no client certificate, a DTLS 1.3 offer) to
 * check that the other side copes.
 */
interface PeerFactory {
    JrtcDtlsClient newClient(JcaTlsCrypto crypto, DtlsConfig config, HandshakeRecorder recorder);

    JrtcDtlsServer newServer(JcaTlsCrypto crypto, DtlsConfig config, HandshakeRecorder recorder);

    PeerFactory JRTC = new PeerFactory() {
        @Override
        public JrtcDtlsClient newClient(JcaTlsCrypto crypto, DtlsConfig config, HandshakeRecorder recorder) {
            return new JrtcDtlsClient(crypto, config, recorder);
        }

        @Override
        public JrtcDtlsServer newServer(JcaTlsCrypto crypto, DtlsConfig config, HandshakeRecorder recorder) {
            return new JrtcDtlsServer(crypto, config, recorder);
        }
    };
}
