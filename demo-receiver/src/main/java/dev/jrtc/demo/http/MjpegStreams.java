package dev.jrtc.demo.http;

import dev.jrtc.demo.session.Session;
import dev.jrtc.demo.video.JpegCache;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * "What the server sees": the decoded frames of a session streamed back as MJPEG
 * ({@code multipart/x-mixed-replace}), which an {@code <img>} shows without any script. At most
 * {@link #FPS} frames a second, only new ones, and none while the viewer's socket is backed up;
 * JPEG encoding happens off the network loop.
 */
final class MjpegStreams implements AutoCloseable {
    static final int FPS = 15;
    private static final String BOUNDARY = "jrtcframe";

    private final ScheduledExecutorService encoder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-mjpeg");
        t.setDaemon(true);
        return t;
    });

    /** Starts streaming the session's pictures on this connection until either goes away. */
    void stream(ChannelHandlerContext ctx, Session session) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "multipart/x-mixed-replace; boundary=" + BOUNDARY);
        head.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache, no-store");
        HttpUtil.setTransferEncodingChunked(head, true);
        ctx.writeAndFlush(head);
        Viewer viewer = new Viewer(ctx, session);
        viewer.task = encoder.scheduleWithFixedDelay(viewer::push, 0, 1000 / FPS, TimeUnit.MILLISECONDS);
        ctx.channel().closeFuture().addListener(f -> viewer.task.cancel(false));
    }

    @Override
    public void close() {
        encoder.shutdownNow();
    }

    private static final class Viewer {
        private final ChannelHandlerContext ctx;
        private final Session session;
        private volatile ScheduledFuture<?> task;
        private byte[] lastSent;

        Viewer(ChannelHandlerContext ctx, Session session) {
            this.ctx = ctx;
            this.session = session;
        }

        void push() {
            if (session.endReason().isPresent()) {
                task.cancel(false);
                ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (!ctx.channel().isActive() || !ctx.channel().isWritable()) {
                return;
            }
            Optional<JpegCache> cache = session.jpeg();
            if (cache.isEmpty()) {
                return;
            }
            Optional<byte[]> jpeg;
            try {
                jpeg = cache.get().latest();
            } catch (RuntimeException e) {
                return;
            }
            if (jpeg.isEmpty() || jpeg.get() == lastSent) {
                return;
            }
            lastSent = jpeg.get();
            byte[] part = ("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + lastSent.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            ByteBuf buf = Unpooled.wrappedBuffer(part, lastSent, "\r\n".getBytes(StandardCharsets.US_ASCII));
            ctx.writeAndFlush(new DefaultHttpContent(buf));
        }
    }
}
