package dev.jrtc.demo.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jrtc.demo.session.SessionRegistry;
import dev.jrtc.demo.session.Via;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * The demo's HTTP and WebSocket server on Netty: the page and its WebSocket ({@code /ws}), WHIP,
 * WHEP and {@code /api/sessions}.
 */
public final class DemoHttpServer implements AutoCloseable {
    /** The WebSocket path of the page's signalling. */
    public static final String WEBSOCKET_PATH = "/ws";
    private static final int MAX_BODY = 256 * 1024;

    private final EventLoopGroup group;
    private final Channel server;
    private final MjpegStreams mjpeg;

    private DemoHttpServer(EventLoopGroup group, Channel server, MjpegStreams mjpeg) {
        this.group = group;
        this.server = server;
        this.mjpeg = mjpeg;
    }

    /**
     * Binds and starts serving.
     *
     * @param address where to listen (port 0 picks one)
     * @param sessions the sessions the endpoints open and show
     * @param token the bearer token WHIP and WHEP require, if any
     * @param corsOrigins the origins allowed cross-origin; empty allows any
     * @throws IllegalStateException if the address cannot be bound
     */
    public static DemoHttpServer start(InetSocketAddress address, SessionRegistry sessions, Optional<String> token,
            List<String> corsOrigins) {
        ObjectMapper json = new ObjectMapper();
        Cors cors = new Cors(corsOrigins);
        MjpegStreams mjpeg = new MjpegStreams();
        SessionsApi api = new SessionsApi(json, sessions, mjpeg);
        WhipEndpoint whip = new WhipEndpoint("/whip", Via.WHIP, sessions, token);
        WhipEndpoint whep = new WhipEndpoint("/whep", Via.WHEP, sessions, token);
        StaticFiles files = new StaticFiles();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("demo-http", true),
                NioIoHandler.newFactory());
        try {
            Channel ch = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel c) {
                            ChannelPipeline p = c.pipeline();
                            p.addLast(new HttpServerCodec());
                            p.addLast(new HttpObjectAggregator(MAX_BODY));
                            p.addLast(new WebSocketServerProtocolHandler(WEBSOCKET_PATH, null, false, 1 << 20));
                            p.addLast(new SignallingSocket(json, sessions, api));
                            p.addLast(new HttpRouter(cors, whip, whep, api, files));
                        }
                    })
                    .bind(address).syncUninterruptibly().channel();
            return new DemoHttpServer(group, ch, mjpeg);
        } catch (RuntimeException e) {
            group.shutdownGracefully();
            mjpeg.close();
            throw new IllegalStateException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        mjpeg.close();
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
