package dev.jrtc.sctp;

/**
 * Why an association closed.
 *
 * @param kind how it ended
 * @param detail a human-readable detail (an ABORT's cause, a timer's name)
 */
public record CloseReason(Kind kind, String detail) {
    /** How an association ended. */
    public enum Kind {
        /** The graceful SHUTDOWN exchange completed (RFC 9260 §9.2). */
        SHUTDOWN,
        /** We sent ABORT. */
        ABORTED_LOCALLY,
        /** The peer sent ABORT. */
        ABORTED_BY_PEER,
        /** The peer stopped answering: a retransmission limit was reached (§8.1, §8.2). */
        TIMED_OUT
    }
}
