package dev.jrtc.dtls;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.Transmit;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;

/**
 * Two engines wired back to back, driven by the test thread as their "loop", with real handshake
 * threads from a test executor and real time (BC's retransmission timer reads the wall clock).
 * Loss is seeded, so a failing run can be repeated.
 */
final class EnginePump implements AutoCloseable {
    static final InetSocketAddress CLIENT_ADDRESS = new InetSocketAddress("127.0.0.1", 40_000);
    static final InetSocketAddress SERVER_ADDRESS = new InetSocketAddress("127.0.0.1", 40_001);

    final Side client;
    final Side server;
    private final ExecutorService executor;
    private final Semaphore wake = new Semaphore(0);
    private final BiPredicate<Side, byte[]> drop;

    /** One endpoint: its engine, what it reported, and every datagram it sent. */
    static final class Side {
        BouncyCastleDtlsEngine engine;
        final List<DtlsEvent> events = Collections.synchronizedList(new ArrayList<>());
        final List<byte[]> sent = Collections.synchronizedList(new ArrayList<>());
        final List<Long> sentAtNanos = Collections.synchronizedList(new ArrayList<>());
        final InetSocketAddress address;
        Side peer;
        long deadlineNanos = Long.MAX_VALUE;

        Side(InetSocketAddress address) {
            this.address = address;
        }

        <T extends DtlsEvent> List<T> events(Class<T> type) {
            synchronized (events) {
                return events.stream().filter(type::isInstance).map(type::cast).toList();
            }
        }

        <T extends DtlsEvent> T only(Class<T> type) {
            List<T> found = events(type);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + type.getSimpleName() + " but got " + events);
            }
            return found.get(0);
        }

        boolean closed() {
            return !events(DtlsEvent.Closed.class).isEmpty();
        }

        boolean connected() {
            return !events(DtlsEvent.Connected.class).isEmpty();
        }
    }

    EnginePump(DtlsConfig clientConfig, DtlsConfig serverConfig) {
        this(clientConfig, serverConfig, PeerFactory.JRTC, PeerFactory.JRTC, 0.0, 0L);
    }

    EnginePump(DtlsConfig clientConfig, DtlsConfig serverConfig, PeerFactory clientPeers, PeerFactory serverPeers,
            double lossRate, long seed) {
        this(clientConfig, serverConfig, clientPeers, serverPeers, null, lossRate, seed);
    }

    /** A pump that drops exactly the datagrams {@code dropRule} picks (it sees the sender and the bytes). */
    EnginePump(DtlsConfig clientConfig, DtlsConfig serverConfig, BiPredicate<Side, byte[]> dropRule) {
        this(clientConfig, serverConfig, PeerFactory.JRTC, PeerFactory.JRTC, dropRule, 0.0, 0L);
    }

    /** A lossless pump whose engines protect records after the handshake as chosen. */
    EnginePump(DtlsConfig clientConfig, DtlsConfig serverConfig, RecordLayer clientRecords, RecordLayer serverRecords) {
        this(clientConfig, serverConfig, PeerFactory.JRTC, PeerFactory.JRTC, null, 0.0, 0L, clientRecords, serverRecords);
    }

    private EnginePump(DtlsConfig clientConfig, DtlsConfig serverConfig, PeerFactory clientPeers, PeerFactory serverPeers,
            BiPredicate<Side, byte[]> dropRule, double lossRate, long seed) {
        this(clientConfig, serverConfig, clientPeers, serverPeers, dropRule, lossRate, seed, RecordLayer.JDK_AES_GCM,
                RecordLayer.JDK_AES_GCM);
    }

    private EnginePump(DtlsConfig clientConfig, DtlsConfig serverConfig, PeerFactory clientPeers, PeerFactory serverPeers,
            BiPredicate<Side, byte[]> dropRule, double lossRate, long seed, RecordLayer clientRecords,
            RecordLayer serverRecords) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dtls-handshake-test-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // One random stream per direction, so that thread timing on one side does not shift the other's losses.
        Random clientToServer = new Random(seed);
        Random serverToClient = new Random(~seed);
        this.drop = dropRule != null ? dropRule : (from, datagram) -> lossRate > 0
                && (from.address.equals(CLIENT_ADDRESS) ? clientToServer : serverToClient).nextDouble() < lossRate;
        this.client = new Side(CLIENT_ADDRESS);
        this.server = new Side(SERVER_ADDRESS);
        client.peer = server;
        server.peer = client;
        client.engine = BouncyCastleDtlsEngine.create(clientConfig, TestCertificates.RANDOM, executor, wake::release,
                clientPeers, clientRecords);
        server.engine = BouncyCastleDtlsEngine.create(serverConfig, TestCertificates.RANDOM, executor, wake::release,
                serverPeers, serverRecords);
    }

    static long now() {
        return System.nanoTime();
    }

    /** Starts the server first (it only listens), then the client. */
    EnginePump start() {
        server.engine.start(now(), SERVER_ADDRESS, CLIENT_ADDRESS);
        client.engine.start(now(), CLIENT_ADDRESS, SERVER_ADDRESS);
        return this;
    }

    /** Pumps until {@code done} holds or {@code max} passes; returns whether {@code done} held. */
    boolean runUntil(BooleanSupplier done, Duration max) throws InterruptedException {
        long end = now() + max.toNanos();
        while (true) {
            wake.drainPermits();
            boolean moved = drain(client) | drain(server);
            long t = now();
            fireTimers(client, t);
            fireTimers(server, t);
            if (done.getAsBoolean()) {
                return true;
            }
            if (t - end >= 0) {
                return false;
            }
            if (!moved) {
                long next = Math.min(Math.min(client.deadlineNanos, server.deadlineNanos), end);
                long waitMillis = Math.max(1, Math.min(20, TimeUnit.NANOSECONDS.toMillis(next - now())));
                wake.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Runs until both sides connected (or either closed); returns whether both connected. */
    boolean handshake(Duration max) throws InterruptedException {
        runUntil(() -> (client.connected() && server.connected()) || client.closed() || server.closed(), max);
        return client.connected() && server.connected();
    }

    /** Drains one engine: delivers its datagrams to the peer (unless lost) and records its events. */
    boolean drain(Side side) {
        boolean moved = false;
        while (true) {
            Output out = side.engine.poll();
            if (out instanceof Deadline d) {
                side.deadlineNanos = d.atNanos();
                return moved;
            }
            moved = true;
            if (out instanceof Transmit tx) {
                byte[] copy = java.util.Arrays.copyOfRange(tx.data(), tx.offset(), tx.offset() + tx.length());
                side.sent.add(copy);
                side.sentAtNanos.add(now());
                if (drop.test(side, copy)) {
                    continue;
                }
                side.peer.engine.handleReceive(now(), side.address, side.peer.address, copy, 0, copy.length);
            } else {
                side.events.add((DtlsEvent) out);
            }
        }
    }

    private static void fireTimers(Side side, long t) {
        if (t - side.deadlineNanos >= 0) {
            side.engine.handleTimeout(t);
            side.deadlineNanos = Long.MAX_VALUE;
        }
    }

    /** Closes both engines, which ends any handshake thread, and shuts the executor down. */
    @Override
    public void close() throws InterruptedException {
        client.engine.close(now());
        server.engine.close(now());
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
            throw new AssertionError("a DTLS handshake thread did not end within 10 s of close");
        }
    }
}
