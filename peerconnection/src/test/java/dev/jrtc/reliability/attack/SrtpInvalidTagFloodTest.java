package dev.jrtc.reliability.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.Packets;
import dev.jrtc.reliability.sim.VideoCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 20,000 SRTP packets with a broken tag from the validated address, some of them far ahead in
 * sequence: all dropped and counted, the connection stays up and later media still arrives.
 */
class SrtpInvalidTagFloodTest {

    @Test
    void invalidTagFloodIsDroppedAndMediaKeepsFlowing() throws Exception {
        try (EnginePair pair = new EnginePair(12)) {
            VideoCall call = VideoCall.connect(pair);
            List<byte[]> seen = new ArrayList<>();
            pair.tap(t -> {
                if (t.destination().equals(pair.b.address) && Packets.isSrtp(t)) {
                    seen.add(Packets.bytes(t));
                }
            });
            call.send(3);
            call.awaitAll(Duration.ofSeconds(2));
            pair.tap(t -> { });
            long droppedBefore = pair.b.engine.stats().srtpDropped();

            byte[] template = seen.get(seen.size() - 1);
            int flood = 20_000;
            for (int i = 0; i < flood; i++) {
                byte[] forged = template.clone();
                int seq = ((forged[2] & 0xFF) << 8 | (forged[3] & 0xFF)) + 1 + (i % 40_000);
                forged[2] = (byte) (seq >>> 8);
                forged[3] = (byte) seq;
                forged[forged.length - 1] ^= 0x5A;
                pair.inject(pair.b, pair.a.address, forged);
            }

            assertEquals(droppedBefore + flood, pair.b.engine.stats().srtpDropped());
            assertTrue(pair.b.connected() && pair.a.connected());
            call.send(30);
            call.awaitAll(Duration.ofSeconds(2));
            assertEquals(33, call.received(), "media after the flood still arrives");
        }
    }
}
