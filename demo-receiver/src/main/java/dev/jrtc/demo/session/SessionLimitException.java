package dev.jrtc.demo.session;

/** Thrown when a new session would exceed {@code --max-sessions}. */
public final class SessionLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SessionLimitException(int limit) {
        super("too many sessions: the limit is " + limit);
    }
}
