package dev.jrtc.peerconnection.engine;

/**
 * The seam where SCTP data channels plug in (stack-sctp, still being written). The engine hands
 * every decrypted DTLS application-data record to this transport, and the transport sends through
 * the {@link DtlsSender} it is given once DTLS is up. Until stack-sctp arrives the engine uses
 * {@link NoDataChannels}, which counts and drops the records, and data sections are neither offered
 * nor accepted.
 */
public interface DataChannelTransport {

    /** Sends one DTLS application-data record; false if DTLS is not connected. */
    @FunctionalInterface
    interface DtlsSender {
        boolean send(long nowNanos, byte[] buf, int offset, int length);
    }

    /** DTLS connected: from now on {@code sender} carries records to the peer. */
    void onDtlsConnected(long nowNanos, DtlsSender sender);

    /** One decrypted application-data record from the peer (the array is the receiver's). */
    void handleApplicationData(long nowNanos, byte[] record);

    /** The connection is closing. */
    void close(long nowNanos);
}
