package dev.jrtc.sctp.packet;

/** A parameter of a RE-CONFIG chunk (RFC 6525 §4). */
public sealed interface ReConfigParam {
    int OUTGOING_SSN_RESET_REQUEST = 13;
    int RECONFIGURATION_RESPONSE = 16;

    /**
     * Outgoing SSN Reset Request (RFC 6525 §4.1): the sender resets its outgoing {@code streams}
     * after {@code lastAssignedTsn}.
     */
    record OutgoingReset(long requestSequence, long responseSequence, long lastAssignedTsn, int[] streams)
            implements ReConfigParam {
    }

    /** Re-configuration Response (RFC 6525 §4.4). */
    record Response(long responseSequence, int result) implements ReConfigParam {
        public static final int SUCCESS_NOTHING_TO_DO = 0;
        public static final int SUCCESS_PERFORMED = 1;
        public static final int DENIED = 2;
        public static final int ERROR_BAD_SEQUENCE = 5;
        public static final int IN_PROGRESS = 6;
    }

    /** A request type this stack does not implement (incoming, SSN/TSN reset, add streams). */
    record Unsupported(int type, long requestSequence) implements ReConfigParam {
    }
}
