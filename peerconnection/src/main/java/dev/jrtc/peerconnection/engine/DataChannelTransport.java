package dev.jrtc.peerconnection.engine;

/**
 * The seam where data channels plug into the secure transport. The transport hands every
 * decrypted DTLS application-data record to this object, and it sends through the
 * {@link DtlsSender} it is given once DTLS is up. {@link SctpDataChannels} is the implementation.
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
