package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;

/**
 * Arbitrary datagrams into a server engine, through the record-layer entry point
 * ({@code handleReceive}): nothing may throw out of the engine, and closing it must end its
 * handshake thread promptly (no hang). The input is split into datagrams by a one-byte length prefix.
 */
class DtlsServerRecordFuzzTest {
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dtls-fuzz-handshake");
        t.setDaemon(true);
        return t;
    });

    @AfterAll
    static void shutDown() throws InterruptedException {
        EXECUTOR.shutdown();
        assertTrue(EXECUTOR.awaitTermination(10, TimeUnit.SECONDS), "a handshake thread hung");
    }

    @FuzzTest(maxDuration = "30s")
    void arbitraryDatagramsNeverThrowOrHang(byte[] input) throws InterruptedException {
        Semaphore done = new Semaphore(0);
        BouncyCastleDtlsEngine server = BouncyCastleDtlsEngine.create(TestCertificates.defaultServer(),
                TestCertificates.RANDOM, command -> EXECUTOR.execute(() -> {
                    try {
                        command.run();
                    } finally {
                        done.release();
                    }
                }), () -> { });
        long now = 0;
        server.start(now, EnginePump.SERVER_ADDRESS, EnginePump.CLIENT_ADDRESS);
        int pos = 0;
        while (pos < input.length) {
            int len = Math.min(input[pos] & 0xFF, input.length - pos - 1);
            server.handleReceive(++now, EnginePump.CLIENT_ADDRESS, EnginePump.SERVER_ADDRESS, input, pos + 1, len);
            drain(server);
            pos += 1 + len;
        }
        server.close(++now);
        drain(server);
        assertTrue(done.tryAcquire(10, TimeUnit.SECONDS), "the handshake thread did not end after close");
    }

    private static void drain(BouncyCastleDtlsEngine engine) {
        for (int i = 0; i < 10_000; i++) {
            Output out = engine.poll();
            if (out instanceof Deadline) {
                return;
            }
        }
        throw new AssertionError("poll() never returned a Deadline");
    }
}
