package dev.jrtc.peerconnection.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopReceiveBuffersReuseTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();

    @Test
    void readsOfOneBatchGetDistinctBuffersAndTheNextBatchReusesThem() {
        RecvByteBufAllocator.Handle h = new LoopReceiveBuffers(new FixedRecvByteBufAllocator(LoopReceiveBuffers.SIZE)).newHandle();
        h.reset(channel.config());
        List<ByteBuf> first = new ArrayList<>();
        for (int i = 0; i < LoopReceiveBuffers.RING; i++) {
            ByteBuf b = h.allocate(ByteBufAllocator.DEFAULT);
            assertEquals(LoopReceiveBuffers.SIZE, b.writableBytes());
            assertEquals(2, b.refCnt(), "the ring's own reference plus the one the pipeline releases");
            b.writeInt(i); // a datagram lands
            first.add(b);
        }
        Set<ByteBuf> distinct = new HashSet<>(first);
        assertEquals(LoopReceiveBuffers.RING, distinct.size(), "no two datagrams of one batch share a buffer");
        ByteBuf beyond = h.allocate(ByteBufAllocator.DEFAULT);
        assertTrue(distinct.stream().noneMatch(b -> b == beyond), "a batch longer than the ring is served elsewhere");
        assertEquals(1, beyond.refCnt());
        beyond.release();
        first.forEach(ByteBuf::release); // the handler has copied them out
        first.forEach(b -> assertEquals(1, b.refCnt(), "never freed"));

        h.reset(channel.config()); // the next read batch, on any channel of this loop
        ByteBuf again = h.allocate(ByteBufAllocator.DEFAULT);
        assertSame(first.get(0), again, "reused, not allocated per datagram");
        assertEquals(0, again.readableBytes(), "cleared: nothing of the previous datagram is readable");
        again.release();
    }

    @Test
    void anotherThreadHasItsOwnRing() throws Exception {
        RecvByteBufAllocator.Handle h = new LoopReceiveBuffers(new FixedRecvByteBufAllocator(LoopReceiveBuffers.SIZE)).newHandle();
        h.reset(channel.config());
        ByteBuf here = h.allocate(ByteBufAllocator.DEFAULT);
        ByteBuf[] there = new ByteBuf[1];
        Thread t = new Thread(() -> {
            RecvByteBufAllocator.Handle other = new LoopReceiveBuffers(new FixedRecvByteBufAllocator(LoopReceiveBuffers.SIZE)).newHandle();
            other.reset(channel.config());
            there[0] = other.allocate(ByteBufAllocator.DEFAULT);
        });
        t.start();
        t.join();
        assertNotSame(here, there[0]);
        here.release();
        there[0].release();
    }
}
