package dev.jrtc.sctp;

/**
 * A message is larger than the peer accepts (its {@code a=max-message-size}, RFC 8841). Thrown by
 * {@link DataChannel#send}; the W3C API maps it to a {@code TypeError}.
 */
public final class MessageTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MessageTooLargeException(long size, long limit) {
        super("message of " + size + " bytes exceeds the peer's max-message-size of " + limit + " bytes");
    }
}
