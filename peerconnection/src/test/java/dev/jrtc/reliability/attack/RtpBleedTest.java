package dev.jrtc.reliability.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.Packets;
import dev.jrtc.reliability.sim.VideoCall;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RTP Bleed: genuine SRTP and SRTCP (captured on the path) re-sent from a new address must never
 * make either side send there; the source gate drops and counts them.
 */
class RtpBleedTest {

    @Test
    void mediaFromANewAddressNeverMovesOurSendTarget() throws Exception {
        try (EnginePair pair = new EnginePair(15)) {
            VideoCall call = VideoCall.connect(pair);
            List<byte[]> toB = new ArrayList<>();
            List<byte[]> toA = new ArrayList<>();
            pair.tap(t -> {
                if (Packets.isSrtpOrSrtcp(t)) {
                    (t.destination().equals(pair.b.address) ? toB : toA).add(Packets.bytes(t));
                }
            });
            call.send(30);
            pair.tap(t -> { });
            assertTrue(!toB.isEmpty() && !toA.isEmpty(), "captured media one way and RTCP the other");
            InetSocketAddress attacker = new InetSocketAddress("10.0.0.66", 7777);
            long gateB = pair.b.engine.stats().sourceGateDropped();
            long gateA = pair.a.engine.stats().sourceGateDropped();
            int sentA = pair.a.sent.size();
            int sentB = pair.b.sent.size();

            toB.forEach(p -> pair.inject(pair.b, attacker, p));
            toA.forEach(p -> pair.inject(pair.a, attacker, p));
            call.send(60);
            call.awaitAll(Duration.ofSeconds(2));

            assertEquals(gateB + toB.size(), pair.b.engine.stats().sourceGateDropped());
            assertEquals(gateA + toA.size(), pair.a.engine.stats().sourceGateDropped());
            assertTrue(pair.a.sent.subList(sentA, pair.a.sent.size()).stream()
                    .allMatch(s -> s.transmit().destination().equals(pair.b.address)), "a still sends only to b");
            assertTrue(pair.b.sent.subList(sentB, pair.b.sent.size()).stream()
                    .allMatch(s -> s.transmit().destination().equals(pair.a.address)), "b still sends only to a");
            assertEquals(90, call.received());
        }
    }
}
