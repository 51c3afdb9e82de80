package dev.jrtc.benchmarks.rtp;

import dev.jrtc.common.ParseException;
import dev.jrtc.rtp.HeaderExtension;
import dev.jrtc.rtp.RtpHeader;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.ext.AudioLevel;
import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.ext.ExtensionReader;
import dev.jrtc.rtp.ext.ExtensionType;
import dev.jrtc.rtp.ext.ExtensionWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing an RTP header with four one-byte extension elements (transport-wide sequence number,
 * abs-send-time, audio level, MID) into a reused view and reading the numeric ones. Run with
 * {@code -prof gc}: the path must allocate nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RtpParseBenchmark {
    private final RtpPacket view = new RtpPacket();
    private ExtensionReader reader;
    private byte[] packet;

    /** Builds one 1200-byte packet with the extensions. */
    @Setup
    public void setup() {
        ExtensionMap map = ExtensionMap.of(Map.of(ExtensionType.TRANSPORT_SEQUENCE_NUMBER, 3,
                ExtensionType.ABS_SEND_TIME, 2, ExtensionType.AUDIO_LEVEL, 1, ExtensionType.MID, 4));
        ExtensionWriter w = new ExtensionWriter(map);
        List<HeaderExtension> ext = List.of(w.audioLevel(new AudioLevel(true, 30)), w.absSendTime(123_456_789L),
                w.transportSequenceNumber(4242), w.mid("0"));
        packet = RtpHeader.of(96, true, 1000, 90_000, 0x1234_5678L).withExtensions(ext).toPacket(new byte[1150]);
        reader = new ExtensionReader(map);
    }

    /** Parse plus the numeric extension reads; returns a value so nothing is dead code. */
    @Benchmark
    public long parseHeaderAndExtensions() throws ParseException {
        view.parse(packet, 0, packet.length);
        return view.sequenceNumber() + view.timestamp() + view.payloadLength()
                + reader.transportSequenceNumber(view) + reader.absSendTime(view) + reader.audioLevelByte(view);
    }
}
