package dev.jrtc.reliability.impairment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.IceCredentialsFromSdp;
import dev.jrtc.reliability.sim.NetworkEmulator;
import dev.jrtc.reliability.sim.VideoCall;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Both directions go dark for 5 s mid-call. Without any ICE restart (same credentials, no new
 * offer) the call comes back: a frame sent after the path returns arrives within 1 s of it returning.
 */
class BlackoutRecoveryTest {

    @Test
    void fiveSecondBlackoutRecoversWithoutIceRestartAndMediaResumesWithinOneSecond() throws Exception {
        try (EnginePair pair = new EnginePair(24)) {
            pair.a.outbound(NetworkEmulator.builder(240).latency(Duration.ofMillis(25)).build());
            pair.b.outbound(NetworkEmulator.builder(241).latency(Duration.ofMillis(25)).build());
            VideoCall call = VideoCall.connect(pair);
            IceCredentialsFromSdp credsA = IceCredentialsFromSdp.of(pair.a.engine);
            call.send(30);
            long from = pair.clock.nanoTime();
            long to = from + Duration.ofSeconds(5).toNanos();
            pair.a.outbound().blackout(from, to);
            pair.b.outbound().blackout(from, to);
            call.send(8 * 30);
            call.awaitAll(Duration.ofSeconds(2));

            long framesBefore = pair.b.events(EngineEvent.FrameReceived.class).size();
            OptionalLong resumed = OptionalLong.empty();
            for (int i = 0; i < pair.b.events.size(); i++) {
                if (pair.b.events.get(i) instanceof EngineEvent.FrameReceived && pair.b.eventTimes.get(i) >= to) {
                    resumed = OptionalLong.of(pair.b.eventTimes.get(i));
                    break;
                }
            }
            double gap = (resumed.orElseThrow() - to) / 1e9;
            System.out.printf("blackout: first frame %.3f s after the path came back; %d frames in all%n", gap, framesBefore);
            assertTrue(pair.a.outbound().drops().total() > 0 && pair.b.outbound().drops().total() > 0,
                    "the blackout hit both directions");
            assertTrue(gap <= 1.0, "media resumed " + gap + " s after the blackout");
            assertEquals(credsA, IceCredentialsFromSdp.of(pair.a.engine), "no ICE restart");
            assertTrue(pair.a.connected() && pair.b.connected());
        }
    }
}
