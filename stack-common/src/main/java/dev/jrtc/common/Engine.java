package dev.jrtc.common;

import java.net.InetSocketAddress;

/**
 * The shape every datagram-driven sans-IO core has (DESIGN.md section 1). Inputs are bytes plus the
 * time; outputs come from {@link #poll()}. An engine never throws for bad network input: it drops
 * it and counts it.
 */
public interface Engine {
    /**
     * A datagram arrived on {@code local} from {@code remote}. The bytes are borrowed: they are
     * valid only during this call, so an engine copies what it keeps.
     */
    void handleReceive(long nowNanos, InetSocketAddress remote, InetSocketAddress local, byte[] buf, int offset, int length);

    /**
     * Whether more datagrams are already waiting to be handled after the next one. An edge that
     * reads datagrams in batches says so before each one, and an engine may then answer the batch
     * once (SCTP sends one SACK for it) instead of once per datagram or two. Engines that have no
     * use for it ignore it, and edges that cannot tell never call it.
     */
    default void setInputBacklog(boolean more) {
    }

    /** Time has passed. Time that goes backwards is ignored. */
    void handleTimeout(long nowNanos);

    /** The next output; a {@link Deadline} means there is nothing more until the next input. */
    Output poll();
}
