package dev.jrtc.peerconnection.netty;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.Transmit;
import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.peerconnection.engine.PeerConnectionEngine;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty edge of one peer connection: its own single-thread NIO event loop, UDP channels bound to
 * the chosen local addresses, one timer rescheduled to the engine's {@link Deadline}, and the DTLS
 * handshake executor. Every datagram is copied into one reusable {@code byte[]} (no {@code ByteBuf}
 * crosses into a core), handed to the engine, and the engine is drained. Commands run on the loop
 * through {@link #call}. {@link #close()} releases the sockets and both threads.
 *
 * <p>mDNS ({@code .local} candidates): the first query or answer ICE sends to 224.0.0.251 opens a
 * {@link MdnsListener} on port 5353 of the host interfaces, whose datagrams reach the engine like any
 * other; {@link #listenForMdns()} opens it up front when our own candidates are published as names.
 */
public final class ConnectionLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLoop.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final ExecutorService handshakeExecutor;
    private final List<Channel> channels = new ArrayList<>();
    private final List<InetSocketAddress> localAddresses = new ArrayList<>();
    private final byte[] receiveBuffer = new byte[65_536];
    private final long origin = System.nanoTime();
    private PeerConnectionEngine engine;
    private Consumer<Output.Event> events = e -> { };
    private ScheduledFuture<?> timer;
    private long timerAt = Long.MAX_VALUE;
    private boolean failed;
    private boolean draining;
    private boolean drainScheduled;
    private volatile boolean closed;
    private MdnsListener mdns;
    private boolean mdnsUnavailable;

    /**
     * Starts the loop and binds one UDP channel per address (port 0 picks a free port).
     *
     * @throws IllegalStateException if a socket cannot be bound
     */
    public ConnectionLoop(List<InetSocketAddress> bindAddresses) {
        int id = IDS.incrementAndGet();
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("jrtc-pc-" + id, true),
                NioIoHandler.newFactory());
        this.loop = group.next();
        this.handshakeExecutor = Executors.newCachedThreadPool(new DefaultThreadFactory("jrtc-dtls-" + id, true));
        try {
            for (InetSocketAddress a : bindAddresses) {
                Channel ch = new Bootstrap().group(loop).channel(NioDatagramChannel.class)
                        .handler(new Inbound(null)).bind(a).sync().channel();
                channels.add(ch);
                localAddresses.add((InetSocketAddress) ch.localAddress());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while binding", e);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("cannot bind " + bindAddresses + ": " + e.getMessage(), e);
        }
    }

    /** The bound addresses: the host candidates. */
    public List<InetSocketAddress> localAddresses() {
        return List.copyOf(localAddresses);
    }

    /**
     * Opens the mDNS listener now rather than at the first query, so that peers resolving our
     * published {@code .local} names reach our responder. Returns whether it is open; when port 5353
     * cannot be opened the reason is logged and ICE falls back to peer-reflexive candidates.
     */
    public CompletableFuture<Boolean> listenForMdns() {
        return call(now -> mdns() != null);
    }

    /** How many host interfaces the mDNS listener is joined on now; 0 while it is closed or was never needed. */
    public int mdnsInterfaces() {
        return mdns == null ? 0 : mdns.interfaceCount();
    }

    private MdnsListener mdns() {
        if (mdns == null && !mdnsUnavailable && !closed) {
            try {
                mdns = MdnsListener.open(loop, localAddresses, Inbound::new);
            } catch (java.io.IOException e) {
                mdnsUnavailable = true;
                LOG.warn("mDNS listener unavailable; .local candidates may not resolve: {}", e.getMessage());
            }
        }
        return mdns;
    }

    /** The executor the DTLS handshake runs on; owned and shut down by this loop. */
    public ExecutorService handshakeExecutor() {
        return handshakeExecutor;
    }

    /** The wake-up to give the DTLS engine: schedules a drain on the loop. */
    public Runnable wakeup() {
        return () -> {
            if (!closed) {
                try {
                    loop.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // closing
                }
            }
        };
    }

    /** Attaches the engine and the event consumer (run on the loop). Call once, before any command. */
    public void attach(PeerConnectionEngine newEngine, Consumer<Output.Event> eventConsumer) {
        this.engine = Objects.requireNonNull(newEngine, "engine");
        this.events = Objects.requireNonNull(eventConsumer, "events");
    }

    /** Monotonic nanoseconds since this loop started: the engine's time. */
    public long now() {
        return System.nanoTime() - origin;
    }

    /** Whether the caller is on this connection's loop. */
    public boolean inLoop() {
        return loop.inEventLoop();
    }

    /**
     * Runs {@code command} on the loop with the current time, then drains the engine. The future
     * completes with its result, or exceptionally with what it threw (API misuse).
     */
    public <T> CompletableFuture<T> call(Function<Long, T> command) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Runnable r = () -> {
            if (closed && engine == null) {
                f.completeExceptionally(new IllegalStateException("InvalidStateError: the peer connection is closed"));
                return;
            }
            T result;
            try {
                result = command.apply(now());
            } catch (RuntimeException e) {
                drainOrDefer();
                f.completeExceptionally(e);
                return;
            }
            drainOrDefer(); // events (state changes) reach the callbacks before the future completes
            f.complete(result);
        };
        if (loop.inEventLoop()) {
            r.run();
        } else {
            try {
                loop.execute(r);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                f.completeExceptionally(new IllegalStateException("InvalidStateError: the peer connection is closed"));
            }
        }
        return f;
    }

    /** Runs a read-only query on the loop. */
    public <T> CompletableFuture<T> query(Callable<T> q) {
        return call(now -> {
            try {
                return q.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Drains now, unless a drain is already delivering events (a callback called the API): then
     * the outer drain picks up the new output, and one more drain is scheduled in case it has
     * passed its last poll. This keeps callbacks from nesting inside callbacks.
     */
    private void drainOrDefer() {
        if (!draining) {
            drain();
        } else if (!drainScheduled) {
            drainScheduled = true;
            try {
                loop.execute(() -> {
                    drainScheduled = false;
                    drain();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                drainScheduled = false; // closing
            }
        }
    }

    private void drain() {
        if (engine == null || failed) {
            return;
        }
        if (draining) {
            return;
        }
        draining = true;
        try {
            Output o;
            boolean wrote = false;
            while (!((o = engine.poll()) instanceof Deadline)) {
                if (o instanceof Transmit t) {
                    wrote |= write(t);
                } else if (o instanceof Output.Event e) {
                    deliver(e);
                }
            }
            if (wrote) {
                channels.forEach(Channel::flush);
            }
            reschedule(((Deadline) o).atNanos());
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            draining = false;
        }
    }

    private void deliver(Output.Event e) {
        try {
            events.accept(e);
        } catch (RuntimeException userError) {
            LOG.warn("a peer connection callback threw; ignored", userError);
        }
    }

    private boolean write(Transmit t) {
        if (MdnsListener.isForGroup(t)) {
            MdnsListener m = mdns();
            if (m != null) {
                m.send(t);
                return false; // flushed already
            }
        }
        Channel ch = channels.get(0);
        for (int i = 0; i < channels.size(); i++) {
            if (localAddresses.get(i).equals(t.source())) {
                ch = channels.get(i);
                break;
            }
        }
        if (!ch.isActive()) {
            return false;
        }
        ByteBuf buf = Unpooled.wrappedBuffer(t.data(), t.offset(), t.length());
        ch.write(new DatagramPacket(buf, t.destination()), ch.voidPromise());
        return true;
    }

    private void reschedule(long atNanos) {
        if (atNanos == timerAt && timer != null) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        timerAt = atNanos;
        if (atNanos == Long.MAX_VALUE || closed) {
            return;
        }
        long delay = Math.max(0, atNanos - now());
        timer = loop.schedule(this::onTimer, delay, TimeUnit.NANOSECONDS);
    }

    private void onTimer() {
        timer = null;
        timerAt = Long.MAX_VALUE;
        if (engine == null || failed) {
            return;
        }
        try {
            engine.handleTimeout(now());
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        drain();
    }

    /** A bug in a core: this connection fails, the others are untouched (DESIGN.md section 1, rule 2). */
    private void fail(RuntimeException e) {
        LOG.error("peer connection failed on an internal error", e);
        failed = true;
        deliver(new EngineEvent.Failed("internal error: " + e));
    }

    private final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        /** The host address to report as local, or null for the channel's own (the mDNS sockets listen on 5353). */
        private final InetSocketAddress hostAddress;

        Inbound(InetSocketAddress hostAddress) {
            this.hostAddress = hostAddress;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            if (engine == null || failed) {
                return;
            }
            ByteBuf content = packet.content();
            int len = Math.min(content.readableBytes(), receiveBuffer.length);
            content.getBytes(content.readerIndex(), receiveBuffer, 0, len);
            InetSocketAddress local = hostAddress != null ? hostAddress
                    : (InetSocketAddress) ctx.channel().localAddress();
            try {
                engine.handleReceive(now(), packet.sender(), local, receiveBuffer, 0, len);
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            drain();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP port unreachable and the like: ICE notices the silence; nothing to do here.
            LOG.debug("UDP channel error: {}", cause.toString());
        }
    }

    /**
     * Closes the engine (close_notify goes out), the sockets, the loop and the handshake threads, and
     * waits (bounded) for the threads to end. Idempotent; do not call from a callback on the loop.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (engine != null && !loop.isShuttingDown()) {
            CompletableFuture<Void> done = call(now -> {
                engine.close(now);
                return null;
            });
            try {
                done.get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("close did not finish cleanly: {}", e.toString());
            }
        }
        closed = true;
        if (mdns != null) {
            mdns.close();
        }
        if (!loop.inEventLoop()) {
            for (Channel ch : channels) {
                ch.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            }
        } else {
            channels.forEach(Channel::close);
        }
        handshakeExecutor.shutdownNow();
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        if (!loop.inEventLoop()) {
            group.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
            try {
                handshakeExecutor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
