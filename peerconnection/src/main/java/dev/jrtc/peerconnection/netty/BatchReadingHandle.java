package dev.jrtc.peerconnection.netty;

import io.netty.channel.ChannelConfig;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.UncheckedBooleanSupplier;

/**
 * A delegating receive handle that keeps Netty's datagram read batches. {@code NioDatagramChannel}
 * reads up to {@code maxMessagesPerRead} datagrams per wake-up only through an
 * {@link RecvByteBufAllocator.ExtendedHandle}; with a plain delegating handle it falls back to the
 * "buffer filled, maybe more data" rule, which a 1200-byte datagram in a 2048-byte buffer never
 * meets, so every read would stop after one datagram (one wake-up, and one engine drain, each).
 *
 * <p>It also counts the datagrams of the current batch. Netty reads the whole batch before it hands
 * the first datagram to the pipeline, so the handler can tell the engine whether more follow.
 */
abstract class BatchReadingHandle extends RecvByteBufAllocator.DelegatingHandle
        implements RecvByteBufAllocator.ExtendedHandle {
    private int datagramsInBatch;

    BatchReadingHandle(RecvByteBufAllocator.Handle delegate) {
        super(delegate);
    }

    /** Datagrams read in the current batch (all of them are read before the first is handled). */
    int datagramsInBatch() {
        return datagramsInBatch;
    }

    @Override
    public void reset(ChannelConfig config) {
        datagramsInBatch = 0;
        super.reset(config);
    }

    @Override
    public void incMessagesRead(int numMessages) {
        datagramsInBatch += numMessages;
        super.incMessagesRead(numMessages);
    }

    @Override
    public boolean continueReading(UncheckedBooleanSupplier maybeMoreDataSupplier) {
        return delegate() instanceof RecvByteBufAllocator.ExtendedHandle e
                ? e.continueReading(maybeMoreDataSupplier) : delegate().continueReading();
    }
}
