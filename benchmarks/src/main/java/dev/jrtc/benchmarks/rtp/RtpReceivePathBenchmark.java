package dev.jrtc.benchmarks.rtp;

import dev.jrtc.common.ParseException;
import dev.jrtc.rtp.DropCounters;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.Unwrapper;
import dev.jrtc.rtp.codec.Vp8Depacketizer;
import dev.jrtc.rtp.codec.Vp8Packetizer;
import dev.jrtc.rtp.receive.JitterBuffer;
import dev.jrtc.rtp.receive.ReceivedFrame;
import dev.jrtc.rtp.send.RtpPacketizer;
import java.util.List;
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
 * The receive path per packet: parse the RTP header, unwrap the sequence number, insert into the
 * jitter buffer (payload copied into a slot) and, on each frame's last packet, assemble the VP8
 * frame and take it out. Packets are 1200 bytes; a frame is five of them. Sequence numbers and
 * timestamps are rewritten in place each frame, so the stream runs on forever. One operation is
 * one packet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RtpReceivePathBenchmark {
    private static final int PACKETS_PER_FRAME = 5;

    private final RtpPacket view = new RtpPacket();
    private final Unwrapper sequences = Unwrapper.forSequenceNumbers();
    private JitterBuffer buffer;
    private byte[][] packets;
    private int seq;
    private long timestamp;
    private long now;

    /** One frame's packets, built by our packetizer. */
    @Setup
    public void setup() {
        RtpPacketizer packetizer = new RtpPacketizer(new Vp8Packetizer(0), 0x1234, 96, 1200, 0);
        byte[] frame = new byte[PACKETS_PER_FRAME * (1200 - 12 - 4)];
        frame[0] = 0x00; // a key frame, so the buffer delivers from the start
        List<byte[]> ps = packetizer.packetize(frame, 0);
        if (ps.size() != PACKETS_PER_FRAME || ps.get(0).length != 1200) {
            throw new IllegalStateException("expected five 1200-byte packets, got " + ps.size());
        }
        packets = ps.toArray(new byte[0][]);
        buffer = new JitterBuffer(new Vp8Depacketizer(), 90_000, JitterBuffer.Config.defaults(), new DropCounters());
    }

    /** Five packets in, one frame out. */
    @Benchmark
    @OperationsPerInvocation(PACKETS_PER_FRAME)
    public int receiveOneFrame() throws ParseException {
        now += 33_333_333L;
        timestamp += 3000;
        int frameBytes = 0;
        for (byte[] p : packets) {
            p[2] = (byte) (seq >>> 8);
            p[3] = (byte) seq;
            p[4] = (byte) (timestamp >>> 24);
            p[5] = (byte) (timestamp >>> 16);
            p[6] = (byte) (timestamp >>> 8);
            p[7] = (byte) timestamp;
            seq = (seq + 1) & 0xFFFF;
            view.parse(p, 0, p.length);
            buffer.insert(now, view, sequences.unwrap(view.sequenceNumber()), false);
        }
        ReceivedFrame f;
        while ((f = buffer.poll(now)) != null) {
            frameBytes += f.data().length;
        }
        return frameBytes;
    }
}
