package dev.jrtc.dtls;

import dev.jrtc.common.Engine;
import dev.jrtc.common.Output;
import java.net.InetSocketAddress;

/**
 * One DTLS-SRTP association, sans-IO: datagrams and time go in through {@link #handleReceive} and
 * {@link #handleTimeout}; datagrams ({@link dev.jrtc.common.Transmit}), {@link DtlsEvent}s and the
 * next {@link dev.jrtc.common.Deadline} come out of {@link #poll()}.
 *
 * <p>All methods are called from the owning loop thread. An implementation may do work on another
 * thread (the Bouncy Castle one does its handshake on an injected executor); it then calls the
 * wake-up callback it was given, and the loop drains {@code poll()} on its own thread.
 *
 * <p>Bad network input never throws: it is dropped and counted in {@link #stats()}.
 */
public interface DtlsEngine extends Engine {

    /** Begins the handshake: a client sends its ClientHello, a server waits for one. */
    void start(long nowNanos, InetSocketAddress local, InetSocketAddress remote);

    /**
     * Changes the path outbound datagrams take (the ICE selected pair changed). Datagrams not yet
     * polled go out on the new path.
     */
    void setPath(InetSocketAddress local, InetSocketAddress remote);

    /**
     * Encrypts and queues one application-data record.
     *
     * @return false if the engine is not {@link DtlsState#CONNECTED}
     * @throws IllegalArgumentException if {@code length > maxApplicationDataLength()}
     */
    boolean sendApplicationData(long nowNanos, byte[] buf, int offset, int length);

    /** The largest application-data record that fits in one datagram of the configured MTU. */
    int maxApplicationDataLength();

    /** Sends close_notify if connected, abandons a handshake otherwise, and reports {@link DtlsEvent.Closed}. */
    void close(long nowNanos);

    /** The current state. */
    DtlsState state();

    /** The role fixed at construction. */
    DtlsRole role();

    /** Counters, including drops by reason. */
    DtlsStats stats();

    /** {@inheritDoc} Outputs are {@link dev.jrtc.common.Transmit}, {@link DtlsEvent} or a final deadline. */
    @Override
    Output poll();
}
