package dev.jrtc.interop.dtls;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.Transmit;
import dev.jrtc.dtls.BouncyCastleDtlsEngine;
import dev.jrtc.dtls.DtlsConfig;
import dev.jrtc.dtls.DtlsEvent;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Test-side edge for one DTLS engine: a UDP socket on 127.0.0.1 and a loop on the test thread
 * (the "event loop"), plus a handshake executor owned here. Good enough for interop; production
 * uses the Netty edge.
 */
final class UdpEngineDriver implements AutoCloseable {
    private final DatagramSocket socket;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dtls-interop-handshake");
        t.setDaemon(true);
        return t;
    });
    final BouncyCastleDtlsEngine engine;
    final List<DtlsEvent> events = new ArrayList<>();
    private InetSocketAddress remote;
    private long deadline = Long.MAX_VALUE;

    UdpEngineDriver(DtlsConfig config, SecureRandom random) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(5);
        // The wake-up only needs to shorten our socket wait; polling every 5 ms does that already.
        engine = BouncyCastleDtlsEngine.create(config, random, executor, () -> { });
    }

    int port() {
        return socket.getLocalPort();
    }

    InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void start(InetSocketAddress peer) {
        remote = peer;
        engine.start(System.nanoTime(), local(), peer);
    }

    /** Runs the loop until an event matches or {@code max} passes. */
    boolean runUntil(Predicate<List<DtlsEvent>> done, Duration max) throws IOException {
        long end = System.nanoTime() + max.toNanos();
        byte[] buf = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (System.nanoTime() - end < 0) {
            drain();
            if (done.test(events)) {
                return true;
            }
            try {
                packet.setLength(buf.length);
                socket.receive(packet);
                if (remote == null) {
                    remote = (InetSocketAddress) packet.getSocketAddress();
                    engine.setPath(local(), remote);
                }
                engine.handleReceive(System.nanoTime(), (InetSocketAddress) packet.getSocketAddress(), local(), buf, 0,
                        packet.getLength());
            } catch (SocketTimeoutException e) {
                // fall through to timers
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                engine.handleTimeout(now);
            }
        }
        drain();
        return done.test(events);
    }

    private void drain() throws IOException {
        while (true) {
            Output out = engine.poll();
            if (out instanceof Deadline d) {
                deadline = d.atNanos();
                return;
            }
            if (out instanceof Transmit tx) {
                socket.send(new DatagramPacket(tx.data(), tx.offset(), tx.length(), tx.destination()));
            } else {
                events.add((DtlsEvent) out);
            }
        }
    }

    <T extends DtlsEvent> T only(Class<T> type) {
        List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", got " + events);
        }
        return found.get(0);
    }

    @Override
    public void close() throws InterruptedException, IOException {
        engine.close(System.nanoTime());
        drain();
        socket.close();
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
            throw new AssertionError("the DTLS handshake thread did not end");
        }
    }
}
