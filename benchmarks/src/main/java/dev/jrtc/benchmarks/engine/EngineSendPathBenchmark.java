package dev.jrtc.benchmarks.engine;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.Transmit;
import dev.jrtc.peerconnection.engine.Transceiver;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole send path of one connected {@code PeerConnectionEngine}: one encoded frame in
 * ({@code sendFrame}: packetizer, send history, SRTP protect, ICE's selected pair) and its protected
 * datagram out of {@code poll()}, as the edge drives it: when the engine's deadline has come, its
 * {@code handleTimeout} runs too (sender reports, ICE consent, which the receiving engine answers so
 * that the pair stays usable; its other output is dropped). Each frame is one 1,100-byte VP8
 * frame at 100 frames a second of virtual time, as in the load harness, so the send history wraps
 * and the steady state is measured.
 *
 * <p>The score is per frame; {@code -prof gc}'s {@code gc.alloc.rate.norm} is the bytes the send
 * path allocates per frame (the benchmark itself allocates nothing per frame: the frame array is
 * reused, which the engine allows since it copies nothing it keeps). After each iteration the thread's
 * own CPU time and allocation per frame are printed ({@code send path: ...}): on a shared machine the
 * wall-clock score follows the load, the thread's CPU time much less. Each iteration fails unless
 * every frame left as exactly one RTP datagram.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class EngineSendPathBenchmark {
    private static final int FRAME_BYTES = 1_100;
    /** 100 frames a second: virtual time moves on by this per frame. */
    private static final long FRAME_INTERVAL_NANOS = 10_000_000L;

    private EnginePair pair;
    private String mid;
    private final byte[] frame = new byte[FRAME_BYTES];
    private long rtpTimestamp;
    private long deadline = Long.MAX_VALUE;
    private long receiverDeadline = Long.MAX_VALUE;
    private long framesIn;
    private long rtpOut;

    /** Connects the two engines (ICE, DTLS, SRTP) once. */
    @Setup(Level.Trial)
    public void connect() throws Exception {
        pair = new EnginePair(21);
        Transceiver video = pair.sender.addTransceiver(pair.clock.nanoTime(), MediaKind.VIDEO, Direction.SENDONLY);
        pair.connect();
        mid = video.mid().orElseThrow();
        receiverDeadline = answerConsent(pair.clock.nanoTime());
        frame[0] = 0x00; // the first frame is a key frame (VP8 P bit 0)
    }

    private final ThreadCost cost = new ThreadCost();

    @Setup(Level.Iteration)
    public void resetCounts() {
        framesIn = 0;
        rtpOut = 0;
        cost.start();
    }

    /** One frame in, its datagram out; the engine's timers run when due. */
    @Benchmark
    public int sendOneFrame() {
        long now = pair.clock.nanoTime() + FRAME_INTERVAL_NANOS;
        pair.clock.advanceTo(now);
        if (now >= deadline) {
            pair.sender.handleTimeout(now);
        }
        if (now >= receiverDeadline) {
            pair.receiver.handleTimeout(now);
            receiverDeadline = answerConsent(now);
        }
        if (!pair.sender.sendFrame(now, mid, frame, rtpTimestamp)) {
            throw new IllegalStateException("the sending engine refused a frame");
        }
        frame[0] = 0x01; // inter frames from now on
        rtpTimestamp += 900; // 10 ms at 90 kHz
        framesIn++;
        int bytes = 0;
        Output o;
        while (!((o = pair.sender.poll()) instanceof Deadline)) {
            if (o instanceof Transmit t) {
                bytes += t.length();
                if (isRtp(t)) {
                    rtpOut++;
                } else if (isStun(t)) {
                    pair.receiver.handleReceive(now, t.source(), t.destination(), t.data(), t.offset(), t.length());
                    receiverDeadline = answerConsent(now);
                }
            }
        }
        deadline = ((Deadline) o).atNanos();
        return bytes;
    }

    /**
     * ICE consent (RFC 7675) keeps the pair usable: the receiving engine answers the sender's checks
     * and sends its own, and its STUN goes back to the sender. Everything else it sends is dropped.
     * Returns the receiver's next deadline.
     */
    private long answerConsent(long now) {
        Output o;
        while (!((o = pair.receiver.poll()) instanceof Deadline)) {
            if (o instanceof Transmit t && isStun(t)) {
                pair.sender.handleReceive(now, t.source(), t.destination(), t.data(), t.offset(), t.length());
            }
        }
        return ((Deadline) o).atNanos();
    }

    /** RFC 7983: STUN starts with 0-3. */
    private static boolean isStun(Transmit t) {
        return (t.data()[t.offset()] & 0xFF) < 4;
    }

    /** RFC 5761: RTCP packet types 200-206 (with the marker bit, 192-223) are not RTP. */
    private static boolean isRtp(Transmit t) {
        int first = t.data()[t.offset()] & 0xFF;
        int pt = t.data()[t.offset() + 1] & 0xFF;
        return first >= 128 && first <= 191 && (pt < 192 || pt > 223);
    }

    /** The correctness check, outside the timed part. */
    @TearDown(Level.Iteration)
    public void checkOneDatagramPerFrame() {
        ThreadCost.PerUnit perFrame = cost.perUnit(framesIn);
        if (rtpOut != framesIn) {
            throw new IllegalStateException(framesIn + " frames in, but " + rtpOut + " RTP datagrams out");
        }
        System.out.printf(java.util.Locale.ROOT, "%n%s (%d frames)%n", perFrame.describe("send path", "frame"), framesIn);
    }

    @TearDown(Level.Trial)
    public void close() {
        pair.close();
    }
}
