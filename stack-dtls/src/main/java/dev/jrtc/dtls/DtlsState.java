package dev.jrtc.dtls;

/** Where a {@link DtlsEngine} is in its life. It only moves forward. */
public enum DtlsState {
    /** Created, {@link DtlsEngine#start} not yet called. */
    NEW,
    /** Flights are being exchanged. */
    HANDSHAKING,
    /** Keys are exported; application data flows. */
    CONNECTED,
    /** Ended; a {@link DtlsEvent.Closed} says why. */
    CLOSED
}
