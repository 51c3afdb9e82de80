package dev.jrtc.rtp.receive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.rtp.codec.Vp8Depacketizer;
import dev.jrtc.rtp.codec.Vp8Packetizer;
import dev.jrtc.rtp.send.SendConfig;
import dev.jrtc.rtp.sim.CallSimulation;
import dev.jrtc.rtp.sim.LossModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With NACK and RTX, every frame gets through random loss of 1, 5 and 10 percent and
 * Gilbert-Elliott bursts, byte for byte, without a key frame, and every one of them within
 * RTT + 200 ms after its last packet was sent. Loss hits media, retransmissions and feedback alike.
 * Each network runs with five seeds by default ({@code -Djrtc.rtp.lossSeeds=N} for more,
 * {@code -Djrtc.rtp.lossFirstSeed=S} to start elsewhere); the figures are printed for the record.
 * Over 300 seeds per network (1,500 runs) every frame is delivered in time (BENCHMARKS.md,
 * "RTP (issue 4)").
 */
class NackRecoversRandomAndBurstLossTest {
    private static final long ONE_WAY = 25_000_000L;
    private static final long RTT = 2 * ONE_WAY;
    private static final long JITTER = 5_000_000L;
    private static final long BOUND = RTT + 200_000_000L;
    private static final int FRAMES = 900; // 30 s at 30 fps
    private static final int TRAILING_FRAMES = 30; // the call goes on for a second, unmeasured
    /** Seeds per network; {@code -Djrtc.rtp.lossSeeds=100} for the long run behind BENCHMARKS.md. */
    private static final int SEEDS = Integer.getInteger("jrtc.rtp.lossSeeds", 5);
    /** The first seed; {@code -Djrtc.rtp.lossFirstSeed=207 -Djrtc.rtp.lossSeeds=1} replays one run. */
    private static final int FIRST_SEED = Integer.getInteger("jrtc.rtp.lossFirstSeed", 0);
    /** Delta frames of 800..3200 bytes, key frames of 6000: about 500 kbit/s, 2.4 packets a frame. */
    private static final int[] LOW_RATE = {800, 3200, 6000};
    /** Delta frames of 4000..8000 bytes, key frames of 20000: about 1.5 Mbit/s, 5.5 packets a frame. */
    private static final int[] HIGH_RATE = {4000, 8000, 20000};

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("random 1%", (Function<RandomSource, LossModel>) r -> LossModel.random(r, 0.01), 0.01, LOW_RATE),
                Arguments.of("random 5%", (Function<RandomSource, LossModel>) r -> LossModel.random(r, 0.05), 0.05, LOW_RATE),
                Arguments.of("random 10%", (Function<RandomSource, LossModel>) r -> LossModel.random(r, 0.10), 0.10, LOW_RATE),
                // Gilbert-Elliott: a good state that loses nothing and a bad state that loses every
                // packet; bursts last 1 / leave packets on average (geometrically, so some are several
                // times longer) and the mean loss is enter / (enter + leave). Bursts are counted in
                // packets, so they run at a 720p rate: at 500 kbit/s (2.4 packets a frame) the tail of
                // the geometric distribution is a 200 ms outage, which no repair can beat.
                // Bursts of 2, 3.8 % loss:
                Arguments.of("Gilbert-Elliott, bursts of 2, 3.8%",
                        (Function<RandomSource, LossModel>) r -> LossModel.gilbertElliott(r, 0.02, 0.5), 0.038, HIGH_RATE),
                // Bursts of 3, 4.8 % loss:
                Arguments.of("Gilbert-Elliott, bursts of 3, 4.8%",
                        (Function<RandomSource, LossModel>) r -> LossModel.gilbertElliott(r, 0.0168, 1.0 / 3), 0.048, HIGH_RATE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void everyFrameArrivesWithinRttPlus200MsAfterItsLastPacket(String name, Function<RandomSource, LossModel> loss,
                                                                double meanLoss, int[] frameBytes) {
        List<String> late = new ArrayList<>();
        long lateFrames = 0;
        long worst = 0;
        System.out.println("NACK+RTX, " + name + ", RTT " + RTT / 1_000_000 + " ms, jitter " + JITTER / 1_000_000
                + " ms each way, bound " + BOUND / 1_000_000 + " ms");
        System.out.println("  seed | delivered | p50 ms | p99 ms | max ms | lost | NACKed | NACK copies | retransmitted | duplicates");
        for (int seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            SendConfig send = SendConfig.of(0x1111, 96, 90_000, () -> new Vp8Packetizer(0), 4000 + seed).withRtx(0x2222, 97);
            ReceiveConfig receive = ReceiveConfig.of(0x3333, 0x1111, 96, 90_000, Vp8Depacketizer::new).withRtx(0x2222, 97);
            CallSimulation sim = new CallSimulation(42 + seed, send, receive, loss.apply(RandomSource.seeded(7 + 100L * seed)),
                    // Feedback is sparse, so per-packet bursts would span many round trips: the reverse
                    // path loses at the same mean rate, independently.
                    LossModel.random(RandomSource.seeded(8 + 100L * seed), meanLoss), ONE_WAY, JITTER, true)
                    .withFrameSizes(frameBytes[0], frameBytes[1], frameBytes[2]);

            CallSimulation.Result r = sim.run(FRAMES, TRAILING_FRAMES);
            System.out.printf("  %4d | %9d | %6.1f | %6.1f | %6.1f | %4d | %6d | %11d | %13d | %10d%n", seed, r.framesDelivered(),
                    r.delayQuantile(0.5) / 1e6, r.delayQuantile(0.99) / 1e6, r.delayQuantile(1.0) / 1e6,
                    r.mediaPacketsLost(), r.nacksSent(), sim.receiver().nackCopiesSent(), r.retransmissions(),
                    r.duplicatesReceived());

            assertTrue(r.mediaPacketsLost() > 0, "the network did lose packets");
            assertEquals(FRAMES, r.framesDelivered(), "every frame delivered, seed " + seed);
            assertEquals(1, r.keyFramesSent(), "repair never needed a key frame, seed " + seed);
            assertTrue(r.retransmissions() >= r.mediaPacketsLost() * 0.9, "losses were repaired by retransmission");
            worst = Math.max(worst, r.delayQuantile(1.0));
            long overBound = java.util.Arrays.stream(r.delaysNanos()).filter(d -> d > BOUND).count();
            lateFrames += overBound;
            if (overBound > 0) {
                late.add("seed " + seed + ": " + overBound + " late, max " + r.delayQuantile(1.0) / 1e6 + " ms");
            }
        }
        System.out.printf("  %s: %d seeds, %d of %d frames later than %d ms (in %d runs), worst %.1f ms%n", name, SEEDS,
                lateFrames, (long) SEEDS * FRAMES, BOUND / 1_000_000, late.size(), worst / 1e6);
        assertTrue(late.isEmpty(), "every frame within " + BOUND / 1_000_000 + " ms after its last packet: " + late);
    }
}
