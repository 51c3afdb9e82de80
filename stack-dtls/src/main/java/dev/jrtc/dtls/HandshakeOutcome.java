package dev.jrtc.dtls;

import org.bouncycastle.tls.DTLSTransport;

/**
 * What the handshake thread hands to the loop when it is done. It travels through the same
 * queue as the datagrams BC sent, so the loop sees them in the order they happened (a fatal
 * alert before the failure that caused it).
 */
sealed interface HandshakeOutcome {

    /**
     * Keys exist and the peer is who SDP said; the loop takes over {@code transport}.
     * {@code recordKeys} is null unless an AES-GCM suite was negotiated.
     */
    record Succeeded(DTLSTransport transport, DtlsEvent.PeerCertificate peer, DtlsEvent.SrtpKeysExported keys,
            DtlsEvent.Connected connected, GcmRecordKeys recordKeys) implements HandshakeOutcome {
    }

    /** The handshake ended without keys. */
    record Failed(DtlsFailure failure) implements HandshakeOutcome {
    }
}
