package dev.jrtc.reliability.attack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.Packets;
import dev.jrtc.reliability.sim.VideoCall;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * RFC 7675: when the peer stops answering consent checks (it went away, or someone is using us to
 * flood a victim), we stop sending media within 30 s even though the application keeps sending.
 */
class ConsentLossTest {

    @Test
    void sendingStopsWithinThirtySecondsOfConsentLoss() throws Exception {
        try (EnginePair pair = new EnginePair(17)) {
            VideoCall call = VideoCall.connect(pair);
            call.send(30);
            long cut = pair.clock.nanoTime();
            pair.intercept(t -> t.source().equals(pair.b.address)); // b falls silent toward a
            call.send(40 * 30); // the application keeps sending for 40 s

            long lastMedia = pair.a.sent.stream().filter(s -> Packets.isSrtpOrSrtcp(s.transmit()))
                    .mapToLong(EnginePair.Sent::atNanos).max().orElseThrow();
            double afterCut = (lastMedia - cut) / 1e9;
            System.out.println("consent loss: last media " + afterCut + " s after the cut");
            assertTrue(afterCut <= 30.0, "a sent media " + afterCut + " s after consent was lost");
            assertTrue(afterCut > 0, "a sent media after the cut at all");
        }
    }
}
