package dev.jrtc.benchmarks.ice;

import dev.jrtc.common.ParseException;
import dev.jrtc.common.RandomSource;
import dev.jrtc.ice.stun.StunAttribute;
import dev.jrtc.ice.stun.StunAttributeType;
import dev.jrtc.ice.stun.StunCredentials;
import dev.jrtc.ice.stun.StunMessage;
import dev.jrtc.ice.stun.StunMethod;
import dev.jrtc.ice.stun.StunPacket;
import dev.jrtc.ice.stun.StunProtection;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every received ICE check costs before it may touch state: decode a STUN message, verify
 * FINGERPRINT and MESSAGE-INTEGRITY. Inputs are the RFC 5769 section 2.1 request and a typical
 * browser connectivity check (USERNAME, PRIORITY, ICE-CONTROLLING, USE-CANDIDATE, integrity, fingerprint).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar 'ice.StunParseBenchmark' -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StunParseBenchmark {
    private final byte[] rfcRequest = HexFormat.of().parseHex(("0001005821 12a442b7e7a701bc34d686fa87dfae"
            + "80220010 5354554e20746573742063 6c69656e74"
            + "00240004 6e0001ff 80290008 932ff9b151263b36"
            + "00060009 6576746a3a68367659202020"
            + "00080014 9aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2"
            + "80280004 e57a3bcf").replace(" ", ""));
    private final byte[] rfcKey = StunCredentials.shortTermKey("VOkJxbRl1RmTxUk/WvJxBt");
    private final byte[] browserKey = StunCredentials.shortTermKey("0123456789abcdefghijklmn");
    private final byte[] browserCheck = StunMessage.request(StunMethod.BINDING, RandomSource.seeded(1))
            .text(StunAttributeType.USERNAME, "aB3dEf7h:Xy12Zw98")
            .add(new StunAttribute.Number32(StunAttributeType.PRIORITY, 1_853_824_767L))
            .add(new StunAttribute.Number64(StunAttributeType.ICE_CONTROLLING, 0x1234_5678_9abc_def0L))
            .add(new StunAttribute.Flag(StunAttributeType.USE_CANDIDATE))
            .encode(StunProtection.shortTerm(browserKey));

    @Benchmark
    public boolean rfc5769RequestParseAndVerify() throws ParseException {
        return StunPacket.decode(rfcRequest, 0, rfcRequest.length).isAuthentic(rfcKey);
    }

    @Benchmark
    public boolean browserCheckParseAndVerify() throws ParseException {
        return StunPacket.decode(browserCheck, 0, browserCheck.length).isAuthentic(browserKey);
    }

    @Benchmark
    public StunPacket browserCheckParseOnly() throws ParseException {
        return StunPacket.decode(browserCheck, 0, browserCheck.length);
    }
}
