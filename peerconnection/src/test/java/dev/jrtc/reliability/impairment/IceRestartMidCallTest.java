package dev.jrtc.reliability.impairment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.IceCredentialsFromSdp;
import dev.jrtc.reliability.sim.NetworkEmulator;
import dev.jrtc.reliability.sim.VideoCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code restartIce()} in the middle of a call at 30 frames/s over a 25 ms path, in virtual time:
 * new credentials on both sides, every frame arrives, and the longest gap between two frames at the
 * receiver stays under 1 s.
 */
class IceRestartMidCallTest {

    @Test
    void iceRestartMidCallKeepsTheMediaGapUnderOneSecond() throws Exception {
        try (EnginePair pair = new EnginePair(26)) {
            pair.a.outbound(NetworkEmulator.builder(260).latency(Duration.ofMillis(25)).build());
            pair.b.outbound(NetworkEmulator.builder(261).latency(Duration.ofMillis(25)).build());
            VideoCall call = VideoCall.connect(pair);
            IceCredentialsFromSdp before = IceCredentialsFromSdp.of(pair.a.engine);
            call.send(60);
            pair.a.engine.restartIce(pair.clock.nanoTime());
            pair.negotiate();
            call.send(150);
            call.awaitAll(Duration.ofSeconds(2));

            assertNotEquals(before, IceCredentialsFromSdp.of(pair.a.engine), "the restart took new credentials");
            assertEquals(210, call.received());
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < pair.b.events.size(); i++) {
                if (pair.b.events.get(i) instanceof EngineEvent.FrameReceived) {
                    times.add(pair.b.eventTimes.get(i));
                }
            }
            long maxGap = 0;
            for (int i = 1; i < times.size(); i++) {
                maxGap = Math.max(maxGap, times.get(i) - times.get(i - 1));
            }
            System.out.printf("ICE restart: largest gap between frames %.0f ms%n", maxGap / 1e6);
            assertTrue(maxGap < 1_000_000_000L, "media gap " + maxGap / 1e6 + " ms");
            assertTrue(pair.a.connected() && pair.b.connected());
        }
    }
}
