package dev.jrtc.benchmarks.sctp;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One reliable ordered data channel, Java to Java in memory, no loss, no DTLS: the whole sans-IO
 * path (fragmenting, packet writing, CRC32c both ways, parsing, SACKs, congestion control,
 * reassembly, channel events). One operation is one 64 KiB message; Gbit/s = 65536 * 8 / (ns/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SctpThroughputBenchmark {
    private static final int MESSAGES = 64;
    private SctpPump pump;
    private byte[] payload;

    @Setup
    public void setUp() {
        pump = new SctpPump(42, 256 * 1024);
        payload = new byte[64 * 1024];
        new java.util.SplittableRandom(1).nextBytes(payload);
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long reliableOrdered64KiBMessages() {
        pump.transfer(payload, MESSAGES, 1 << 20);
        return pump.receivedBytes;
    }
}
