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
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty edge of one peer connection: one event loop of an {@link EdgeThreads} group (shared with
 * other connections; this connection never leaves it, so its engine is single-threaded), UDP
 * channels bound to the chosen local addresses, one timer on that loop rescheduled to the engine's
 * {@link Deadline}, and the group's DTLS handshake pool. Every datagram is copied into the loop
 * thread's reusable {@code byte[]} (no {@code ByteBuf} crosses into a core) and handed to the
 * engine, and the engine is drained after each datagram. Commands run on the loop through
 * {@link #call}. {@link #close()} closes the sockets and cancels the timer; the loops and the
 * handshake pool belong to the group.
 *
 * <p>mDNS ({@code .local} candidates): the first query or answer ICE sends to 224.0.0.251 opens a
 * {@link MdnsListener} on port 5353 of the host interfaces, whose datagrams reach the engine like any
 * other; {@link #listenForMdns()} opens it up front when our own candidates are published as names.
 */
public final class ConnectionLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLoop.class);
    /** One receive buffer per loop thread: a datagram is fully handled before the next is read. */
    private static final FastThreadLocal<byte[]> RECEIVE_BUFFER = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[65_536];
        }
    };

    /** Datagrams read per wake-up at most (Netty's default for datagram channels). */
    private static final int READ_BATCH = 16;
    /** Socket receive and send buffer to ask for (see {@link #withSocketBuffers}). */
    private static final int SOCKET_BUFFER_BYTES = Integer.getInteger("jrtc.pc.socketBufferBytes", 2 << 20);

    private final EdgeThreads threads;
    private final EventLoop loop;
    private final ReceiveProbe probe;
    private final List<Channel> channels = new ArrayList<>();
    private final List<InetSocketAddress> localAddresses = new ArrayList<>();
    private final long origin = System.nanoTime();
    private PeerConnectionEngine engine;
    private Consumer<Output.Event> events = e -> { };
    private ScheduledFuture<?> timer;
    private long timerAt = Long.MAX_VALUE;
    private long readStartedNanos;
    private boolean failed;
    private boolean draining;
    private boolean drainScheduled;
    private volatile boolean closed;
    /** Loop-only: set once the sockets are closing and the timer is cancelled. */
    private boolean released;
    private MdnsListener mdns;
    private boolean mdnsUnavailable;

    /**
     * Picks the next loop of {@code threads} and binds one UDP channel per address on it (port 0 picks
     * a free port).
     *
     * @param probe told about every received datagram, or {@code null}
     * @throws IllegalStateException if a socket cannot be bound
     */
    public ConnectionLoop(List<InetSocketAddress> bindAddresses, EdgeThreads threads, ReceiveProbe probe) {
        this.threads = Objects.requireNonNull(threads, "threads");
        this.loop = threads.loops().next();
        this.probe = probe;
        try {
            for (InetSocketAddress a : bindAddresses) {
                Bootstrap b = new Bootstrap().group(loop).channel(NioDatagramChannel.class).handler(new Inbound(null));
                withSocketBuffers(b);
                RecvByteBufAllocator reads = new LoopReceiveBuffers(readBatches());
                b.option(ChannelOption.RCVBUF_ALLOCATOR, probe != null ? new ReadStartStamp(reads) : reads);
                Channel ch = b.bind(a).sync().channel();
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

    /** The executor the DTLS handshake runs on: the group's pool, never this connection's loop. */
    public Executor handshakeExecutor() {
        return threads.handshakes();
    }

    /**
     * Asks for socket buffers that hold a whole SCTP receive window of datagrams. With the system
     * default (about 208 KiB, some 90 datagrams of 1200 bytes on loopback) a peer's burst of a data
     * channel's window overflowed the receive queue, and every datagram the kernel dropped there
     * was a loss for SCTP to repair and a halved congestion window. The kernel caps the sizes at
     * {@code net.core.rmem_max} / {@code wmem_max}; the memory is charged only while datagrams queue.
     */
    private static void withSocketBuffers(Bootstrap b) {
        b.option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES).option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER_BYTES);
    }

    /**
     * Fixed-size reads of up to {@value #READ_BATCH} datagrams per wake-up. A new
     * {@code FixedRecvByteBufAllocator} reads one message per wake-up unless told otherwise (the
     * channel's own default gets 16 from the channel metadata; one set as an option does not).
     */
    static FixedRecvByteBufAllocator readBatches() {
        FixedRecvByteBufAllocator sized = new FixedRecvByteBufAllocator(LoopReceiveBuffers.SIZE);
        sized.maxMessagesPerRead(READ_BATCH);
        return sized;
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
        if (engine == null || failed || released) {
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

    /**
     * Keeps the timer at or before the engine's deadline. A later deadline keeps the earlier timer
     * (waking early costs one {@code handleTimeout}, which moves nothing); this spares a cancel and a
     * new scheduled task per packet on loops that carry many connections.
     */
    private void reschedule(long atNanos) {
        if (timer != null && timerAt <= atNanos) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        timerAt = atNanos;
        if (atNanos == Long.MAX_VALUE || released) {
            return;
        }
        long delay = Math.max(0, atNanos - now());
        timer = loop.schedule(this::onTimer, delay, TimeUnit.NANOSECONDS);
    }

    private void onTimer() {
        timer = null;
        timerAt = Long.MAX_VALUE;
        if (engine == null || failed || released) {
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
        /** Datagrams of the current read batch handed to this handler so far. */
        private int handledInBatch;

        Inbound(InetSocketAddress hostAddress) {
            this.hostAddress = hostAddress;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            handledInBatch++;
            if (engine == null || failed || released) {
                return;
            }
            byte[] receiveBuffer = RECEIVE_BUFFER.get();
            ByteBuf content = packet.content();
            int len = Math.min(content.readableBytes(), receiveBuffer.length);
            content.getBytes(content.readerIndex(), receiveBuffer, 0, len);
            InetSocketAddress local = hostAddress != null ? hostAddress
                    : (InetSocketAddress) ctx.channel().localAddress();
            try {
                engine.setInputBacklog(moreInBatch(ctx));
                engine.handleReceive(now(), packet.sender(), local, receiveBuffer, 0, len);
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            if (probe != null && len > 0) {
                long readAt = ctx.channel().config().getRecvByteBufAllocator() instanceof ReadStartStamp s
                        ? s.startedNanos : System.nanoTime();
                probe.handled(readAt, System.nanoTime(), receiveBuffer[0] & 0xFF, len > 1 ? receiveBuffer[1] & 0xFF : 0);
            }
            // Drained after every datagram, not once per read batch, so what a datagram lets us send
            // goes out at once. One drain per batch made the sender sit idle until the batch's
            // output came, and Java to Java fell from 730 to 355 Mbit/s (BENCHMARKS.md, issue 8).
            // The engine coalesces acknowledgements over the batch instead (setInputBacklog).
            drain();
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            handledInBatch = 0;
            ctx.fireChannelReadComplete();
        }

        /** Whether datagrams of this read batch are still waiting after the one being handled. */
        private boolean moreInBatch(ChannelHandlerContext ctx) {
            return ctx.channel().unsafe().recvBufAllocHandle() instanceof BatchReadingHandle h
                    && handledInBatch < h.datagramsInBatch();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP port unreachable and the like: ICE notices the silence; nothing to do here.
            LOG.debug("UDP channel error: {}", cause.toString());
        }
    }

    /**
     * Closes the engine (close_notify goes out), then on the loop cancels the timer and closes the
     * sockets, and waits (bounded) for them to close unless called on one of the group's loops.
     * The loop and the handshake pool stay: they belong to the {@link EdgeThreads} group.
     * Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        boolean onAnyLoop = threads.isLoopThread();
        if (engine != null && !loop.isShuttingDown()) {
            CompletableFuture<Void> done = call(now -> {
                engine.close(now);
                return null;
            });
            if (!onAnyLoop) {
                try {
                    done.get(2, TimeUnit.SECONDS);
                } catch (Exception e) {
                    LOG.debug("close did not finish cleanly: {}", e.toString());
                }
            }
        }
        closed = true;
        CompletableFuture<Void> releasedOnLoop = new CompletableFuture<>();
        Runnable release = () -> {
            releaseOnLoop();
            releasedOnLoop.complete(null);
        };
        if (loop.inEventLoop()) {
            release.run();
        } else {
            try {
                loop.execute(release);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                release.run(); // a caller's group shut down first: close what is left from here
            }
        }
        if (!onAnyLoop) {
            try {
                releasedOnLoop.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("release did not finish: {}", e.toString());
            }
            for (Channel ch : channels) {
                ch.closeFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
            }
        }
    }

    /** On the loop: no more timer or reads for this connection, and its sockets closed. */
    private void releaseOnLoop() {
        released = true;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        timerAt = Long.MAX_VALUE;
        if (mdns != null) {
            mdns.close();
        }
        channels.forEach(Channel::close);
    }

    /** Remembers when each read from the socket began, for the {@link ReceiveProbe}. */
    private static final class ReadStartStamp implements RecvByteBufAllocator {
        private final RecvByteBufAllocator delegate;
        private long startedNanos;

        ReadStartStamp(RecvByteBufAllocator delegate) {
            this.delegate = delegate;
        }

        @Override
        public Handle newHandle() {
            return new BatchReadingHandle(delegate.newHandle()) {
                @Override
                public void reset(io.netty.channel.ChannelConfig config) {
                    startedNanos = System.nanoTime();
                    super.reset(config);
                }
            };
        }
    }
}
