package dev.jrtc.reliability.impairment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.NetworkEmulator;
import dev.jrtc.reliability.sim.VideoCall;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 0–40 ms correlated jitter, 5% reordered by 30 ms, 5% duplicated: frames come out in order and exactly once. */
class JitterReorderAndDuplicationTest {

    @Test
    void framesComeOutInOrderWithoutDuplicates() throws Exception {
        try (EnginePair pair = new EnginePair(23)) {
            VideoCall call = VideoCall.connect(pair);
            NetworkEmulator path = NetworkEmulator.builder(230).latency(Duration.ofMillis(30))
                    .jitter(Duration.ofMillis(40), 0.5).reorder(0.05, Duration.ofMillis(30)).duplicate(0.05).build();
            pair.a.outbound(path);
            call.send(150);
            call.awaitAll(Duration.ofSeconds(2));
            pair.runFor(Duration.ofSeconds(1));

            List<Long> timestamps = pair.b.events(EngineEvent.FrameReceived.class).stream()
                    .map(f -> f.frame().rtpTimestamp()).toList();
            assertEquals(150, timestamps.size(), "every frame exactly once");
            for (int i = 1; i < timestamps.size(); i++) {
                assertTrue(timestamps.get(i) > timestamps.get(i - 1), "frame " + i + " out of order: " + timestamps);
            }
            assertTrue(path.delivered() > path.offered(), "the path did duplicate");
        }
    }
}
