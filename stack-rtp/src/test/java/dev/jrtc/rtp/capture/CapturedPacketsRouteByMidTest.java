package dev.jrtc.rtp.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.jrtc.rtp.DropCounters;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.capture.RtpCapture.Packet;
import dev.jrtc.rtp.capture.RtpCapture.Section;
import dev.jrtc.rtp.capture.RtpCapture.Sender;
import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.receive.RtpRouter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With nothing but the answer's MIDs, payload types and {@code apt} (no signalled SSRCs), the
 * router sends every real packet of both peers to the section whose payload type it carries, and
 * flags every RTX packet as a repair.
 */
class CapturedPacketsRouteByMidTest {
    static Stream<String> captures() {
        return RtpCapture.NAMES.stream();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyPacketReachesItsSectionWithoutSignalledSsrcs(String name) throws Exception {
        RtpCapture capture = RtpCapture.load(name);
        Map<Integer, String> bundleExtensions = new HashMap<>();
        capture.answer().forEach(s -> bundleExtensions.putAll(s.extensions()));
        for (Sender sender : Sender.values()) {
            DropCounters drops = new DropCounters();
            RtpRouter<String> router = new RtpRouter<>(new ExtensionMap(bundleExtensions), RtpRouter.Config.defaults(), drops);
            for (Section s : capture.answer()) {
                var media = new HashSet<>(s.codecs().keySet());
                media.removeAll(s.apt().keySet());
                router.addStream(s.mid(), s.mid(), null, media, s.apt());
            }
            int routed = 0;
            for (Packet p : capture.packets(sender, false)) {
                RtpPacket rtp = RtpPacket.of(p.data(), 0, p.data().length);
                Section expected = capture.answer().stream().filter(s -> s.codecs().containsKey(rtp.payloadType()))
                        .findFirst().orElseThrow();
                RtpRouter.Route<String> route = router.route(p.micros() * 1000, rtp);
                assertNotNull(route, "dropped " + rtp.ssrc() + "/" + rtp.sequenceNumber() + ": " + drops.snapshot());
                assertEquals(expected.mid(), route.stream());
                assertEquals(expected.apt().containsKey(rtp.payloadType()), route.repair(), "repair flag of PT " + rtp.payloadType());
                routed++;
            }
            assertEquals(0, drops.total());
            System.out.println(name + " " + sender + ": " + routed + " packets routed, " + router.knownSsrcs() + " SSRCs learned");
        }
    }
}
