package dev.jrtc.rtp.receive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.rtp.codec.Vp8Depacketizer;
import dev.jrtc.rtp.codec.Vp8Packetizer;
import dev.jrtc.rtp.send.SendConfig;
import dev.jrtc.rtp.sim.CallSimulation;
import dev.jrtc.rtp.sim.LossModel;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With NACK and RTX, every frame gets through random loss of 1, 5 and 10 percent and
 * Gilbert-Elliott bursts (feedback lost at the same mean rate), byte for byte, without a key frame,
 * 99 % of them within RTT + 200 ms of being sent. The figures are printed for the record.
 */
class NackRecoversRandomAndBurstLossTest {
    private static final long ONE_WAY = 25_000_000L;
    private static final long RTT = 2 * ONE_WAY;
    private static final int FRAMES = 900; // 30 s at 30 fps

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("random 1%", (Function<RandomSource, LossModel>) r -> LossModel.random(r, 0.01), 0.01),
                Arguments.of("random 5%", (Function<RandomSource, LossModel>) r -> LossModel.random(r, 0.05), 0.05),
                Arguments.of("random 10%", (Function<RandomSource, LossModel>) r -> LossModel.random(r, 0.10), 0.10),
                // Mean loss 0.02 / (0.02 + 0.5) = 3.8 %, in bursts of 2 packets on average.
                Arguments.of("Gilbert-Elliott (enter 2%, leave 50%)",
                        (Function<RandomSource, LossModel>) r -> LossModel.gilbertElliott(r, 0.02, 0.5), 0.038));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void everyFrameArrivesWithinRttPlus200Ms(String name, Function<RandomSource, LossModel> loss, double meanLoss) {
        SendConfig send = SendConfig.of(0x1111, 96, 90_000, () -> new Vp8Packetizer(0), 4000).withRtx(0x2222, 97);
        ReceiveConfig receive = ReceiveConfig.of(0x3333, 0x1111, 96, 90_000, Vp8Depacketizer::new).withRtx(0x2222, 97);
        CallSimulation sim = new CallSimulation(42, send, receive, loss.apply(RandomSource.seeded(7)),
                // Feedback is sparse, so per-packet bursts would span many round trips: the reverse
                // path loses at the same mean rate, independently.
                LossModel.random(RandomSource.seeded(8), meanLoss), ONE_WAY, 5_000_000L, true);

        CallSimulation.Result r = sim.run(FRAMES);
        System.out.println(r.summary("NACK+RTX, " + name + ", RTT 50 ms, jitter 5 ms"));

        assertTrue(r.mediaPacketsLost() > 0, "the network did lose packets");
        assertEquals(FRAMES, r.framesDelivered(), "every frame delivered");
        // One repair round costs detection plus an RTT. When a retransmission and then its NACK are
        // lost too (likely at 10 % each way), three rounds exceed RTT + 200 ms, so the bound is held
        // by 99 % of frames and the worst case is held to twice that.
        assertTrue(r.delayQuantile(0.99) <= RTT + 200_000_000L, "p99 delay " + r.delayQuantile(0.99) / 1e6 + " ms");
        assertTrue(r.delayQuantile(1.0) <= 2 * (RTT + 200_000_000L), "max delay " + r.delayQuantile(1.0) / 1e6 + " ms");
        assertEquals(1, r.keyFramesSent(), "repair never needed a key frame");
        assertTrue(r.retransmissions() >= r.mediaPacketsLost() * 0.9, "losses were repaired by retransmission");
    }
}
