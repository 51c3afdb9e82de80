package dev.jrtc.common;

/**
 * Input from the network (or a peer's SDP) that does not follow its format. Every jrtc parser
 * throws this one checked type, so that a core can catch it at its boundary, count the drop and
 * carry on. It is never a bug in jrtc: bugs are unchecked exceptions.
 */
public class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and where, for a human reading a log */
    public ParseException(String message) {
        super(message);
    }

    /** @param message what was wrong and where; @param cause the lower-level failure */
    public ParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
