package dev.jrtc.benchmarks.dtls;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.Transmit;
import dev.jrtc.dtls.BouncyCastleDtlsEngine;
import dev.jrtc.dtls.DtlsCertificate;
import dev.jrtc.dtls.DtlsConfig;
import dev.jrtc.dtls.DtlsEngine;
import dev.jrtc.dtls.DtlsEvent;
import dev.jrtc.dtls.DtlsKeyType;
import dev.jrtc.dtls.DtlsRole;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One complete in-memory DTLS 1.2 handshake (ECDHE-ECDSA P-256, AES-128-GCM, use_srtp, client
 * certificate) between two {@link BouncyCastleDtlsEngine}s, pumped by the benchmark thread with
 * the handshake threads from a cached pool. {@code warm*} reuses the two certificates, as a
 * server does; {@code withNewCertificates} also generates both key pairs and certificates. Run
 * {@code cold} with {@code -bm ss -wi 0 -i 1 -f 5} for the first handshake of a fresh JVM.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DtlsHandshakeBenchmark {
    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 1);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 2);

    private final SecureRandom random = new SecureRandom();
    private ExecutorService executor;
    private DtlsCertificate clientCert;
    private DtlsCertificate serverCert;

    @Setup(Level.Trial)
    public void setUp() {
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dtls-bench-handshake");
            t.setDaemon(true);
            return t;
        });
        clientCert = DtlsCertificate.generate(DtlsKeyType.ECDSA_P256, random, System.currentTimeMillis());
        serverCert = DtlsCertificate.generate(DtlsKeyType.ECDSA_P256, random, System.currentTimeMillis());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Handshake latency with warm JIT and reused certificates; throughput is its inverse (one at a time). */
    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.Throughput})
    public Object warmHandshake() throws InterruptedException {
        return handshake(clientCert, serverCert);
    }

    /** As {@link #warmHandshake()} plus generating both ECDSA P-256 certificates. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public Object withNewCertificates() throws InterruptedException {
        long now = System.currentTimeMillis();
        return handshake(DtlsCertificate.generate(DtlsKeyType.ECDSA_P256, random, now),
                DtlsCertificate.generate(DtlsKeyType.ECDSA_P256, random, now));
    }

    /** For single-shot runs in fresh JVMs: the first handshake pays class loading and JIT. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public Object cold() throws InterruptedException {
        return handshake(clientCert, serverCert);
    }

    private Object handshake(DtlsCertificate c, DtlsCertificate s) throws InterruptedException {
        Semaphore wake = new Semaphore(0);
        DtlsEngine client = BouncyCastleDtlsEngine.create(
                DtlsConfig.of(DtlsRole.CLIENT, c, List.of(s.fingerprint())), random, executor, wake::release);
        DtlsEngine server = BouncyCastleDtlsEngine.create(
                DtlsConfig.of(DtlsRole.SERVER, s, List.of(c.fingerprint())), random, executor, wake::release);
        long now = System.nanoTime();
        server.start(now, B, A);
        client.start(now, A, B);
        int connected = 0;
        long giveUp = now + TimeUnit.SECONDS.toNanos(10);
        while (connected < 2) {
            wake.drainPermits();
            int before = connected;
            connected += pump(client, server);
            connected += pump(server, client);
            if (System.nanoTime() - giveUp > 0) {
                throw new IllegalStateException("handshake did not complete");
            }
            if (connected == before) {
                wake.tryAcquire(1, TimeUnit.MILLISECONDS);
            }
        }
        client.close(System.nanoTime());
        server.close(System.nanoTime());
        return client;
    }

    /** Delivers {@code from}'s output to {@code to}; returns 1 if {@code from} reported Connected. */
    private static int pump(DtlsEngine from, DtlsEngine to) {
        int connected = 0;
        for (Output out = from.poll(); !(out instanceof Deadline); out = from.poll()) {
            if (out instanceof Transmit tx) {
                to.handleReceive(System.nanoTime(), tx.source(), tx.destination(), tx.data(), tx.offset(), tx.length());
            } else if (out instanceof DtlsEvent.Connected) {
                connected = 1;
            } else if (out instanceof DtlsEvent.Closed closed) {
                throw new IllegalStateException(closed.reason().describe());
            }
        }
        return connected;
    }
}
