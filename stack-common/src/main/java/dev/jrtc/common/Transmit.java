package dev.jrtc.common;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A datagram to send from {@code source} (a local address, which picks the socket) to
 * {@code destination}. The transmit owns {@code data}: the core gave it away and will not touch it
 * again, so the edge may wrap it without copying.
 */
public record Transmit(InetSocketAddress source, InetSocketAddress destination, byte[] data, int offset, int length)
        implements Output {

    /** Checks that the addresses are present and that the slice lies within {@code data}. */
    public Transmit {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(data, "data").length);
    }

    /** A transmit of the whole of {@code data}. */
    public Transmit(InetSocketAddress source, InetSocketAddress destination, byte[] data) {
        this(source, destination, data, 0, data.length);
    }
}
