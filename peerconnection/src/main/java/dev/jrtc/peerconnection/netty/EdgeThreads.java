package dev.jrtc.peerconnection.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads peer connections run on: a Netty {@link EventLoopGroup} whose loops each own many
 * connections (a connection stays on the loop its sockets were registered with, so its engine is
 * only ever touched by that one thread), and the pool Bouncy Castle's blocking DTLS handshakes run
 * on, away from the loops so that key exchange and signatures never delay media.
 *
 * <p>{@link #shared()} is process-wide and created on first use: as many loops as cores
 * ({@code -Djrtc.pc.loopThreads=N} to change), and up to {@value #DEFAULT_HANDSHAKE_THREADS} (or
 * {@code -Djrtc.pc.handshakeThreads=N}) handshake threads that end after a second idle. All its
 * threads are daemons and it is never shut down. A handshake occupies its thread until it ends, so
 * when one process runs both ends of more concurrent handshakes than there are handshake threads,
 * the surplus waits in the queue (and may time out).
 *
 * @param loops the event loops; an application passing its own group shuts it down itself
 * @param handshakes where DTLS handshakes block; give it a thread per handshake that may be in flight
 */
public record EdgeThreads(EventLoopGroup loops, Executor handshakes) {
    /** Handshake threads of the shared pool unless {@code jrtc.pc.handshakeThreads} says otherwise. */
    public static final int DEFAULT_HANDSHAKE_THREADS = 32;

    /** Checks for nulls. */
    public EdgeThreads {
        Objects.requireNonNull(loops, "loops");
        Objects.requireNonNull(handshakes, "handshakes");
    }

    /** The process-wide loops and handshake pool, created on first call. */
    public static EdgeThreads shared() {
        return Shared.INSTANCE;
    }

    /** Connections on {@code loops} (the caller's group), with the shared handshake pool. */
    public static EdgeThreads onLoops(EventLoopGroup loops) {
        return new EdgeThreads(loops, shared().handshakes());
    }

    /** Whether the calling thread is one of this group's loops. */
    boolean isLoopThread() {
        for (var executor : loops) {
            if (executor.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    private static final class Shared {
        static final EdgeThreads INSTANCE = create();

        private static EdgeThreads create() {
            int cores = Runtime.getRuntime().availableProcessors();
            int loopThreads = Integer.getInteger("jrtc.pc.loopThreads", cores);
            int handshakeThreads = Integer.getInteger("jrtc.pc.handshakeThreads", DEFAULT_HANDSHAKE_THREADS);
            EventLoopGroup loops = new MultiThreadIoEventLoopGroup(loopThreads,
                    new DefaultThreadFactory("jrtc-loop", true), NioIoHandler.newFactory());
            ThreadPoolExecutor handshakes = new ThreadPoolExecutor(handshakeThreads, handshakeThreads, 1, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), new DefaultThreadFactory("jrtc-dtls", true));
            handshakes.allowCoreThreadTimeOut(true);
            return new EdgeThreads(loops, handshakes);
        }
    }
}
