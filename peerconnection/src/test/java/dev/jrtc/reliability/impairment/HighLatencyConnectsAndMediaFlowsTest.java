package dev.jrtc.reliability.impairment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.peerconnection.engine.Transceiver;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.MediaSource;
import dev.jrtc.reliability.sim.NetworkEmulator;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** 500 ms one-way latency both ways: ICE, DTLS and SRTP still come up, and video arrives intact. */
class HighLatencyConnectsAndMediaFlowsTest {

    @Test
    void fiveHundredMillisecondsOneWayConnectsAndMediaFlows() throws Exception {
        try (EnginePair pair = new EnginePair(500)) {
            pair.a.outbound(NetworkEmulator.builder(1).latency(Duration.ofMillis(500)).build());
            pair.b.outbound(NetworkEmulator.builder(2).latency(Duration.ofMillis(500)).build());
            Transceiver video = pair.a.engine.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            pair.connect(Duration.ofSeconds(30));
            String mid = video.mid().orElseThrow();
            int frames = MediaSource.vp8ClipLength();
            for (int i = 0; i < frames; i++) {
                pair.a.engine.sendFrame(pair.clock.nanoTime(), mid, MediaSource.vp8Frame(i), 1000 + 3000L * i);
                pair.drain();
                pair.runFor(Duration.ofMillis(33));
            }
            pair.runUntil(() -> pair.b.events(EngineEvent.FrameReceived.class).size() >= frames, Duration.ofSeconds(3));
            var got = pair.b.events(EngineEvent.FrameReceived.class);
            assertEquals(frames, got.size());
            for (int i = 0; i < frames; i++) {
                assertArrayEquals(MediaSource.vp8Frame(i), got.get(i).frame().data(), "frame " + i);
            }
        }
    }
}
