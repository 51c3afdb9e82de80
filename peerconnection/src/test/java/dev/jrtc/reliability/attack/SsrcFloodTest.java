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
 * 10,000 SRTP packets, each with a new SSRC, from the validated peer's address (an on-path attacker
 * rewriting captured packets): none authenticates, so none may create per-SSRC state. All are
 * dropped and counted, the stats show no new inbound stream, and the call goes on.
 */
class SsrcFloodTest {

    @Test
    void ssrcFloodCreatesNoStateAndIsCounted() throws Exception {
        try (EnginePair pair = new EnginePair(20)) {
            VideoCall call = VideoCall.connect(pair);
            List<byte[]> seen = new ArrayList<>();
            pair.tap(t -> {
                if (t.destination().equals(pair.b.address) && Packets.isSrtp(t)) {
                    seen.add(Packets.bytes(t));
                }
            });
            call.send(5);
            pair.tap(t -> { });
            long dropped = pair.b.engine.stats().srtpDropped();
            int inbound = pair.b.engine.getStats(pair.clock.nanoTime()).ofType("inbound-rtp").size();
            Runtime rt = Runtime.getRuntime();

            int flood = 10_000;
            byte[] template = seen.get(0);
            for (int i = 0; i < flood; i++) {
                byte[] p = template.clone();
                int ssrc = 0x5000_0000 + i;
                p[8] = (byte) (ssrc >>> 24);
                p[9] = (byte) (ssrc >>> 16);
                p[10] = (byte) (ssrc >>> 8);
                p[11] = (byte) ssrc;
                pair.inject(pair.b, pair.a.address, p);
            }

            assertEquals(dropped + flood, pair.b.engine.stats().srtpDropped());
            assertEquals(inbound, pair.b.engine.getStats(pair.clock.nanoTime()).ofType("inbound-rtp").size(),
                    "no inbound stream per flooded SSRC");
            call.send(30);
            call.awaitAll(Duration.ofSeconds(2));
            assertEquals(35, call.received());
            assertTrue(pair.b.connected());
            System.out.println("SSRC flood: heap in use after " + flood + " packets "
                    + (rt.totalMemory() - rt.freeMemory()) / (1 << 20) + " MiB");
        }
    }
}
