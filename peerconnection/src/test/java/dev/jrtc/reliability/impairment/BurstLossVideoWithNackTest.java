package dev.jrtc.reliability.impairment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.GilbertElliott;
import dev.jrtc.reliability.sim.MediaSource;
import dev.jrtc.reliability.sim.NetworkEmulator;
import dev.jrtc.reliability.sim.VideoCall;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Video over Gilbert–Elliott burst loss (both directions, so NACKs and retransmissions are lost
 * too): with NACK/RTX every frame arrives, byte for byte and in order, within 2 s after the
 * sender stops.
 */
class BurstLossVideoWithNackTest {

    static Stream<Arguments> presets() {
        return Stream.of(Arguments.of("wifi 1%", GilbertElliott.WIFI), Arguments.of("lossy wifi 5%", GilbertElliott.LOSSY_WIFI),
                Arguments.of("congested 10%", GilbertElliott.CONGESTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void everyFrameArrivesWithinTwoSecondsAfterSendingStops(String name, GilbertElliott preset) throws Exception {
        try (EnginePair pair = new EnginePair(22)) {
            VideoCall call = VideoCall.connect(pair);
            NetworkEmulator forward = NetworkEmulator.builder(220).latency(Duration.ofMillis(25)).burst(preset).build();
            NetworkEmulator back = NetworkEmulator.builder(221).latency(Duration.ofMillis(25)).burst(preset).build();
            pair.a.outbound(forward);
            pair.b.outbound(back);
            call.send(150);
            long stopped = pair.clock.nanoTime();
            call.awaitAll(Duration.ofSeconds(2));
            double after = (pair.clock.nanoTime() - stopped) / 1e6;
            System.out.printf("%s: all %d frames %.0f ms after sending stopped; forward %d sent, drops %s; back %d sent,"
                    + " drops %s%n", name, call.sent(), after, forward.offered(), forward.drops(), back.offered(), back.drops());

            List<EngineEvent.FrameReceived> got = pair.b.events(EngineEvent.FrameReceived.class);
            assertEquals(150, got.size());
            assertTrue(forward.drops().total() > 0, "the path did lose packets");
            for (int i = 0; i < got.size(); i++) {
                assertArrayEquals(MediaSource.vp8Frame(i), got.get(i).frame().data(), "frame " + i);
            }
        }
    }
}
