package dev.jrtc.sctp.assoc;

import dev.jrtc.sctp.CloseReason;

/** What an {@link Association} reports upward, synchronously, while it handles an input. */
public interface AssociationListener {
    /** The association reached ESTABLISHED. */
    void onEstablished();

    /** A complete message arrived. The array is the listener's. */
    void onMessage(int streamId, long ppid, byte[] data);

    /** Queued bytes of {@code streamId} left the queue (sent the first time, or abandoned unsent). */
    void onBufferedAmountDecreased(int streamId, long bytes);

    /** The peer reset these incoming streams (RFC 6525): their data has all arrived. */
    void onIncomingStreamsReset(int[] streams);

    /** Our outgoing reset of these streams completed ({@code performed} false if refused). */
    void onOutgoingStreamsReset(int[] streams, boolean performed);

    /**
     * The peer restarted the association (RFC 9260 §5.2.4 case A): it has lost its streams, so
     * everything on them is gone too. {@link #onEstablished} follows for the new incarnation.
     */
    void onRestarted();

    /** The association is over. */
    void onClosed(CloseReason reason);
}
