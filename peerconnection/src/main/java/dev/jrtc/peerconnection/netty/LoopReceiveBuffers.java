package dev.jrtc.peerconnection.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelConfig;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * Socket reads into a few direct buffers that belong to the loop thread and are used again for every
 * read, instead of a pooled buffer allocated and freed per datagram. The handler copies each datagram
 * out before the read call returns (see {@link ConnectionLoop}), and Netty fires every datagram of
 * one read batch before the loop reads any other socket, so a batch of at most {@link #RING}
 * datagrams can have one buffer each; a longer batch takes the rest from the normal allocator.
 *
 * <p>Each ring buffer keeps one reference of its own: the pipeline's release after the datagram was
 * handled drops the extra one this allocator adds, so it never reaches zero (and is never freed or
 * reported by Netty's leak detector, which these buffers bypass).
 */
final class LoopReceiveBuffers implements RecvByteBufAllocator {
    /** Buffers per loop thread; Netty reads at most 16 datagrams per batch by default. */
    static final int RING = 16;
    /** Fixed receive size, as Netty's default for datagram channels. */
    static final int SIZE = 2048;
    private static final ByteBufAllocator UNTRACKED = new UnpooledByteBufAllocator(true, true);
    private static final FastThreadLocal<ByteBuf[]> BUFFERS = new FastThreadLocal<>() {
        @Override
        protected ByteBuf[] initialValue() {
            ByteBuf[] ring = new ByteBuf[RING];
            for (int i = 0; i < RING; i++) {
                ring[i] = UNTRACKED.directBuffer(SIZE, SIZE);
            }
            return ring;
        }
    };

    private final RecvByteBufAllocator delegate;

    /** @param delegate sizes the reads and limits the batch; also allocates past the ring */
    LoopReceiveBuffers(RecvByteBufAllocator delegate) {
        this.delegate = delegate;
    }

    @Override
    public Handle newHandle() {
        return new BatchReadingHandle(delegate.newHandle()) {
            private int next;

            @Override
            public void reset(ChannelConfig config) {
                next = 0; // the previous batch has been handled: its buffers are free again
                super.reset(config);
            }

            @Override
            public ByteBuf allocate(ByteBufAllocator alloc) {
                if (next >= RING || guess() > SIZE) {
                    return super.allocate(alloc);
                }
                ByteBuf b = BUFFERS.get()[next++];
                b.clear();
                return b.retain();
            }
        };
    }
}
