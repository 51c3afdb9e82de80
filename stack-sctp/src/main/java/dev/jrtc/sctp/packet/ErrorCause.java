package dev.jrtc.sctp.packet;

import java.nio.charset.StandardCharsets;

/** One error cause in an ABORT or ERROR chunk (RFC 9260 §3.3.10). */
public record ErrorCause(int code, byte[] info) {
    public static final int INVALID_STREAM_IDENTIFIER = 1;
    public static final int STALE_COOKIE = 3;
    public static final int NO_USER_DATA = 9;
    public static final int USER_INITIATED_ABORT = 12;
    public static final int PROTOCOL_VIOLATION = 13;

    /** A cause with a human-readable reason (user-initiated abort, protocol violation). */
    public static ErrorCause withReason(int code, String reason) {
        return new ErrorCause(code, reason.getBytes(StandardCharsets.UTF_8));
    }

    /** The cause for a log line: its code and, for text-carrying causes, the text. */
    public String describe() {
        if (code == USER_INITIATED_ABORT || code == PROTOCOL_VIOLATION) {
            return "cause " + code + ": " + new String(info, StandardCharsets.UTF_8);
        }
        return "cause " + code + " (" + info.length + " byte(s))";
    }
}
