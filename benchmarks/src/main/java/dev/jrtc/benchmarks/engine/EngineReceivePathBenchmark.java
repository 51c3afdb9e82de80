package dev.jrtc.benchmarks.engine;

import dev.jrtc.common.Transmit;
import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.peerconnection.engine.Transceiver;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole receive path of one connected {@code PeerConnectionEngine}: an SRTP datagram in
 * ({@code handleReceive}: demultiplex, source gate, SRTP unprotect, RTP parse, jitter buffer, VP8
 * depacketizer) and a {@code FrameReceived} event out ({@code poll}). Each frame is one 1,100-byte
 * VP8 frame in one RTP packet, as in the load harness.
 *
 * <p>SRTP rejects replays, so the packets cannot be recycled: before each iteration the sending
 * engine makes {@value #FRAMES} fresh datagrams (not timed), and one invocation feeds them all to the
 * receiving engine. The score is per datagram (= per frame). The invocation fails if any frame is
 * missing, so a fast but broken path cannot score.
 *
 * <p>{@code -prof gc}'s {@code gc.alloc.rate.norm} also counts the iteration set-up (the sender
 * protecting the next {@value #FRAMES} frames), so the receive path's own allocation is measured
 * around the timed loop with the thread's allocation counter and printed after each iteration, with
 * the thread's CPU time per datagram ({@code receive path: N B allocated, M ns thread CPU per datagram}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 30)
@Fork(1)
public class EngineReceivePathBenchmark {
    static final int FRAMES = 5_000;
    private static final int FRAME_BYTES = 1_100;
    /** 100 frames a second: the receiver's clock moves on by this per datagram, as in a real stream. */
    private static final long FRAME_INTERVAL_NANOS = 10_000_000L;

    private EnginePair pair;
    private String mid;
    private long rtpTimestamp;
    private boolean keyFrameSent;
    private List<Transmit> datagrams;
    private int framesOut;
    /** What the timed part cost per datagram in the last invocation (thread CPU and allocation). */
    private ThreadCost.PerUnit perDatagram;
    /** Made once, so that the benchmark itself allocates nothing per datagram. */
    private final java.util.function.Consumer<dev.jrtc.common.Output.Event> countFrames = e -> {
        if (e instanceof EngineEvent.FrameReceived) {
            framesOut++;
        }
    };

    /** Connects the two engines (ICE, DTLS, SRTP) once. */
    @Setup(Level.Trial)
    public void connect() throws Exception {
        pair = new EnginePair(11);
        Transceiver video = pair.sender.addTransceiver(pair.clock.nanoTime(), MediaKind.VIDEO, Direction.SENDONLY);
        pair.connect();
        mid = video.mid().orElseThrow();
    }

    /** The next {@value #FRAMES} frames, protected by the sending engine. */
    @Setup(Level.Iteration)
    public void makeDatagrams() {
        datagrams = new ArrayList<>(FRAMES + 16);
        for (int i = 0; i < FRAMES; i++) {
            byte[] frame = new byte[FRAME_BYTES];
            frame[0] = keyFrameSent ? (byte) 0x01 : 0x00; // VP8 frame tag: P bit 0 = key frame
            keyFrameSent = true;
            if (!pair.sender.sendFrame(pair.clock.nanoTime(), mid, frame, rtpTimestamp)) {
                throw new IllegalStateException("the sending engine refused frame " + i);
            }
            rtpTimestamp += 900; // 10 ms at 90 kHz
            List<Transmit> out = pair.takeSenderDatagrams();
            if (out.size() != 1) {
                throw new IllegalStateException("expected one datagram per frame, got " + out.size());
            }
            datagrams.addAll(out);
        }
    }

    private final ThreadCost cost = new ThreadCost();

    /** All the datagrams in, all the frames out. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int receive() {
        framesOut = 0;
        cost.start();
        for (Transmit t : datagrams) {
            long now = pair.clock.nanoTime() + FRAME_INTERVAL_NANOS;
            pair.clock.advanceTo(now);
            pair.receiver.handleReceive(now, pair.senderAddress, pair.receiverAddress, t.data(), t.offset(), t.length());
            pair.drainReceiver(countFrames);
        }
        perDatagram = cost.perUnit(FRAMES);
        return framesOut;
    }

    /** The correctness check, outside the timed part. */
    @TearDown(Level.Iteration)
    public void checkEveryFrameCameOut() {
        if (framesOut != FRAMES) {
            throw new IllegalStateException(FRAMES + " datagrams in, but " + framesOut + " frames out");
        }
        System.out.println(perDatagram.describe("receive path", "datagram"));
    }

    @TearDown(Level.Trial)
    public void close() {
        pair.close();
    }
}
