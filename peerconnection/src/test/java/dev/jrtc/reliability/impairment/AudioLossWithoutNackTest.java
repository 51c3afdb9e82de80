package dev.jrtc.reliability.impairment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.peerconnection.engine.Transceiver;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.MediaSource;
import dev.jrtc.reliability.sim.NetworkEmulator;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Audio has no retransmission, so 10% random loss on the media path must show up as a delivery
 * ratio of about 0.9 (0.85–0.95): nothing invented, nothing duplicated, nothing else lost.
 */
class AudioLossWithoutNackTest {

    @Test
    void tenPercentAudioLossDeliversBetweenEightyFiveAndNinetyFivePercent() throws Exception {
        try (EnginePair pair = new EnginePair(21)) {
            Transceiver audio = pair.a.engine.addTransceiver(0, MediaKind.AUDIO, Direction.SENDONLY);
            pair.connect(Duration.ofSeconds(30));
            NetworkEmulator path = NetworkEmulator.builder(210).latency(Duration.ofMillis(40)).loss(0.10).build();
            pair.a.outbound(path);
            String mid = audio.mid().orElseThrow();
            int frames = 1500; // 30 s of 20 ms frames
            try {
                for (int i = 0; i < frames; i++) {
                    pair.a.engine.sendFrame(pair.clock.nanoTime(), mid, MediaSource.audioFrame(i), 960L * i);
                    pair.drain();
                    pair.runFor(Duration.ofMillis(20));
                }
                pair.runFor(Duration.ofSeconds(1));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n  sender media stats: " + pair.a.engine.stats().media()
                        + "\n  receiver media stats: " + pair.b.engine.stats().media(), e);
            }

            List<Integer> got = pair.b.events(EngineEvent.FrameReceived.class).stream()
                    .map(f -> MediaSource.audioIndex(f.frame().data())).toList();
            double ratio = got.size() / (double) frames;
            System.out.printf("audio 10%% loss: delivered %d of %d (%.3f), path offered %d, drops %s;%n  a rtpSent=%d,"
                    + " b rtpReceived=%d srtpDropped=%d;%n  a media %s;%n  b media %s%n", got.size(), frames, ratio,
                    path.offered(), path.drops(), pair.a.engine.stats().rtpSent(), pair.b.engine.stats().rtpReceived(),
                    pair.b.engine.stats().srtpDropped(), pair.a.engine.stats().media(), pair.b.engine.stats().media());
            assertTrue(ratio >= 0.85 && ratio <= 0.95, "delivery ratio " + ratio);
            assertEquals(got.size(), got.stream().distinct().count(), "no duplicates");
            assertTrue(got.stream().allMatch(i -> i >= 0 && i < frames), "only frames that were sent");
        }
    }
}
