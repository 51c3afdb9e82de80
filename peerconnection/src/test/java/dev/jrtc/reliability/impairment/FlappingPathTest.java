package dev.jrtc.reliability.impairment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.NetworkEmulator;
import dev.jrtc.reliability.sim.VideoCall;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For a minute the path drops out both ways for 0.5–3 s every 3–6 s (seeded) while video flows.
 * Neither side may report more than 9 ICE or connection state changes in that
 * minute, and the call is connected at the end.
 */
class FlappingPathTest {

    @Test
    void flappingPathCausesFewerThanTenStateChangesAMinute() throws Exception {
        try (EnginePair pair = new EnginePair(27)) {
            NetworkEmulator ab = NetworkEmulator.builder(270).latency(Duration.ofMillis(25)).build();
            NetworkEmulator ba = NetworkEmulator.builder(271).latency(Duration.ofMillis(25)).build();
            pair.a.outbound(ab);
            pair.b.outbound(ba);
            VideoCall call = VideoCall.connect(pair);
            call.send(30);
            long start = pair.clock.nanoTime();
            long end = start + Duration.ofSeconds(60).toNanos();
            Random random = new Random(272);
            int outages = 0;
            for (long t = start + 2_000_000_000L; t < end - 5_000_000_000L; ) {
                long down = 500_000_000L + (long) (random.nextDouble() * 2_500_000_000L);
                ab.blackout(t, t + down);
                ba.blackout(t, t + down);
                outages++;
                t += down + 3_000_000_000L + (long) (random.nextDouble() * 3_000_000_000L);
            }
            int eventsA = pair.a.events.size();
            int eventsB = pair.b.events.size();
            call.sendFor(Duration.ofSeconds(60));

            long changesA = stateChanges(pair.a, eventsA);
            long changesB = stateChanges(pair.b, eventsB);
            System.out.printf("flapping: %d outages in 60 s; state changes a=%d b=%d%n", outages, changesA, changesB);
            assertTrue(outages >= 8, "the path flapped");
            assertTrue(changesA < 10 && changesB < 10, "state changes a=" + changesA + " b=" + changesB);
            assertTrue(pair.a.connected() && pair.b.connected());
        }
    }

    private static long stateChanges(EnginePair.Side side, int from) {
        return side.events.subList(from, side.events.size()).stream()
                .filter(e -> e instanceof EngineEvent.IceStateChanged || e instanceof EngineEvent.ConnectionStateChanged)
                .count();
    }
}
