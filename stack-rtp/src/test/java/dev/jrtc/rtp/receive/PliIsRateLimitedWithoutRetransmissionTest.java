package dev.jrtc.rtp.receive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.rtp.codec.Vp8Depacketizer;
import dev.jrtc.rtp.codec.Vp8Packetizer;
import dev.jrtc.rtp.send.SendConfig;
import dev.jrtc.rtp.sim.CallSimulation;
import dev.jrtc.rtp.sim.LossModel;
import org.junit.jupiter.api.Test;

/** Without NACK, a lost frame costs one PLI per interval, never a storm. */
class PliIsRateLimitedWithoutRetransmissionTest {
    private static final long PLI_INTERVAL = 500_000_000L;

    private static ReceiveConfig noNack() {
        JitterBuffer.Config d = JitterBuffer.Config.defaults();
        // Nothing will repair a gap, so waiting long for one only delays the key-frame request.
        return ReceiveConfig.of(0x3333, 0x1111, 96, 90_000, Vp8Depacketizer::new)
                .withNack(null)
                .withKeyFrameRequests(false, PLI_INTERVAL)
                .withJitterBuffer(new JitterBuffer.Config(d.capacity(), d.minDelayNanos(), d.maxDelayNanos(), d.jitterFactor(), 100_000_000L));
    }

    @Test
    void oneLostPacketCostsExactlyOnePliWhenTheSenderAnswers() {
        int[] count = {0};
        LossModel loseTheHundredth = () -> ++count[0] == 100;
        CallSimulation sim = new CallSimulation(1, SendConfig.of(0x1111, 96, 90_000, () -> new Vp8Packetizer(0), 1),
                noNack(), loseTheHundredth, LossModel.none(), 25_000_000L, 0, true);

        CallSimulation.Result r = sim.run(300);
        System.out.println(r.summary("no NACK, one packet lost, encoder answers PLI"));

        assertEquals(1, r.mediaPacketsLost());
        assertEquals(1, r.keyFrameRequests(), "exactly one PLI");
        assertEquals(2, r.keyFramesSent(), "the first key frame and the answer to the PLI");
        assertEquals(0, r.nacksSent());
        assertTrue(r.framesDelivered() < 300 && r.framesDelivered() > 290, "only the frames up to the new key frame were lost");
    }

    @Test
    void anUnansweredLossRepeatsThePliOncePerIntervalOnly() {
        CallSimulation sim = new CallSimulation(2, SendConfig.of(0x1111, 96, 90_000, () -> new Vp8Packetizer(0), 1),
                noNack(), LossModel.random(RandomSource.seeded(3), 0.05), LossModel.none(), 25_000_000L, 0, false);

        CallSimulation.Result r = sim.run(300); // 10 s
        System.out.println(r.summary("no NACK, 5% loss, encoder ignores PLI"));

        long seconds = 10 + 5; // the run continues 5 s after the last frame
        assertTrue(r.keyFrameRequests() >= 5, "the need was repeated: " + r.keyFrameRequests());
        assertTrue(r.keyFrameRequests() <= seconds * 1_000_000_000L / PLI_INTERVAL + 1,
                "at most one PLI per interval: " + r.keyFrameRequests());
    }
}
