package dev.jrtc.peerconnection.netty;

import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.UncheckedBooleanSupplier;

/**
 * A delegating receive handle that keeps Netty's datagram read batches. {@code NioDatagramChannel}
 * reads up to {@code maxMessagesPerRead} datagrams per wake-up only through an
 * {@link RecvByteBufAllocator.ExtendedHandle}; with a plain delegating handle it falls back to the
 * "buffer filled, maybe more data" rule, which a 1200-byte datagram in a 2048-byte buffer never
 * meets, so every read would stop after one datagram (one wake-up, and one engine drain, each).
 */
abstract class BatchReadingHandle extends RecvByteBufAllocator.DelegatingHandle
        implements RecvByteBufAllocator.ExtendedHandle {
    BatchReadingHandle(RecvByteBufAllocator.Handle delegate) {
        super(delegate);
    }

    @Override
    public boolean continueReading(UncheckedBooleanSupplier maybeMoreDataSupplier) {
        return delegate() instanceof RecvByteBufAllocator.ExtendedHandle e
                ? e.continueReading(maybeMoreDataSupplier) : delegate().continueReading();
    }
}
