package dev.jrtc.peerconnection.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The edge tells the engine whether more datagrams of a read batch wait behind the one it hands over
 * (SCTP then SACKs the batch once). That rests on the NIO datagram transport reading the whole batch
 * before the pipeline sees its first datagram, and on {@link BatchReadingHandle} counting it: checked
 * here with a real socket on loopback.
 */
class ReadBatchIsCountedBeforeItsFirstDatagramIsHandledTest {

    @Test
    void everyDatagramOfABatchSeesTheWholeBatchCounted() throws Exception {
        EventLoopGroup group = new NioEventLoopGroup(1);
        List<int[]> seen = new CopyOnWriteArrayList<>(); // {position in batch, datagrams counted}
        CountDownLatch all = new CountDownLatch(5);
        try {
            Channel ch = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .option(ChannelOption.RCVBUF_ALLOCATOR,
                            new LoopReceiveBuffers(ConnectionLoop.readBatches()))
                    .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                        private int position;

                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
                            BatchReadingHandle h = (BatchReadingHandle) ctx.channel().unsafe().recvBufAllocHandle();
                            seen.add(new int[] {++position, h.datagramsInBatch()});
                            all.countDown();
                        }

                        @Override
                        public void channelReadComplete(ChannelHandlerContext ctx) {
                            position = 0;
                        }
                    })
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
            CountDownLatch release = new CountDownLatch(1);
            ch.eventLoop().execute(() -> {
                try {
                    release.await(5, TimeUnit.SECONDS); // hold the loop so the five queue up
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try (DatagramSocket out = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                for (int i = 0; i < 5; i++) {
                    out.send(new java.net.DatagramPacket(new byte[100], 100, ch.localAddress()));
                }
            }
            Thread.sleep(50); // loopback delivery is immediate; this is slack
            release.countDown();
            assertTrue(all.await(5, TimeUnit.SECONDS));
            ch.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
        assertEquals(5, seen.size());
        for (int[] s : seen) {
            assertEquals(5, s[1], "datagram " + s[0] + " of the batch saw the batch counted");
        }
        assertEquals(5, seen.get(4)[0], "one batch: the last datagram knows it is the last");
    }
}
