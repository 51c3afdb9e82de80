package dev.jrtc.peerconnection.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A message from a data channel (the W3C {@code MessageEvent}): a string, or binary data.
 *
 * @param binary whether the peer sent binary (else a string)
 * @param data the bytes (UTF-8 for a string); owned by the receiver
 */
public record RTCDataChannelMessage(boolean binary, byte[] data) {

    /** The message as text (for a string message). */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** The bytes as a read-only buffer. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** The W3C {@code data}: a {@link String} or a {@code byte[]}. */
    public Object value() {
        return binary ? data : text();
    }
}
