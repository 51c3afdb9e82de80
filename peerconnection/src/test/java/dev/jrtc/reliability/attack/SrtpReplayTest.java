package dev.jrtc.reliability.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.Packets;
import dev.jrtc.reliability.sim.VideoCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An on-path attacker replays SRTP it saw: every copy is dropped and counted, and no frame comes out twice. */
class SrtpReplayTest {

    @Test
    void replayedSrtpIsDroppedCountedAndProducesNoDuplicateFrame() throws Exception {
        try (EnginePair pair = new EnginePair(11)) {
            VideoCall call = VideoCall.connect(pair);
            List<byte[]> seen = new ArrayList<>();
            pair.tap(t -> {
                if (t.destination().equals(pair.b.address) && Packets.isSrtp(t)) {
                    seen.add(Packets.bytes(t));
                }
            });
            call.send(10);
            call.awaitAll(Duration.ofSeconds(2));
            pair.tap(t -> { });
            int framesBefore = call.received();
            long droppedBefore = pair.b.engine.stats().srtpDropped();
            long receivedBefore = pair.b.engine.stats().rtpReceived();

            for (int round = 0; round < 5; round++) {
                for (byte[] p : seen) {
                    pair.inject(pair.b, pair.a.address, p.clone());
                }
            }
            pair.runFor(Duration.ofSeconds(1));

            assertEquals(droppedBefore + 5L * seen.size(), pair.b.engine.stats().srtpDropped(),
                    "every replayed packet dropped and counted");
            assertEquals(receivedBefore, pair.b.engine.stats().rtpReceived(), "no replayed packet accepted");
            assertEquals(framesBefore, call.received(), "no frame delivered twice");
            assertEquals(10, framesBefore);
        }
    }
}
