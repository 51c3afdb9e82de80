package dev.jrtc.interop.pc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.HeadlessChromium;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.interop.ice.Coturn;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Chromium with {@code iceTransportPolicy: 'relay'} and a real coturn (UDP, long-term
 * credentials) offers its camera as VP8; jrtc answers. Chromium may only use its TURN relay, so
 * every candidate it offers is a relay candidate, its selected pair is relay-to-host (by its
 * getStats), jrtc's is host-to-relay (by jrtc's getStats), and every datagram jrtc gets comes
 * through coturn. The usual checks (connected, frames at 640x480, SRTP,
 * nothing dropped by the source gate) must still hold. Frame count: {@code -Djrtc.interop.frames=N}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChromiumRelayOnlyThroughCoturnIT {
    private static final int FRAMES = Integer.getInteger("jrtc.interop.frames", 30);

    @Test
    void chromiumCameraReachesJrtcOnlyThroughCoturn() throws Exception {
        try (Coturn turn = Coturn.start();
                LocalTestServer server = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(server.pageUri("chromium-sends-camera.html",
                        "turn=127.0.0.1:" + turn.address().getPort() + "&turnUser=" + Coturn.USER + "&turnPassword="
                                + Coturn.PASSWORD), HeadlessChromium.Media.FAKE_DEVICES);
                JrtcPeer jrtc = new JrtcPeer(RTCConfiguration.loopback())) {
            JsonNode stats = BrowserSendsToJrtc.run(server, "chromium", () -> chromium.logTail() + "\n--- coturn:\n" + turn.log(),
                    jrtc, new BrowserSendsToJrtc.Expected("VP8", new FrameSize(640, 480), FRAMES, 0));

            String offer = jrtc.pc().remoteDescription().map(RTCSessionDescription::sdp).orElseThrow();
            List<String> candidates = offer.lines().filter(l -> l.startsWith("a=candidate:")).toList();
            assertFalse(candidates.isEmpty(), "Chromium offered no candidate:\n" + offer);
            assertTrue(candidates.stream().allMatch(c -> c.contains(" typ relay")), "non-relay candidates: " + candidates);
            JsonNode pair = stats.path("pair");
            System.out.println("Chromium's selected pair through coturn: " + pair);
            assertEquals("relay", pair.path("localType").asText(), "Chromium's selected pair: " + pair);
            assertEquals("udp", pair.path("relayProtocol").asText(), "Chromium's selected pair: " + pair);
            assertEquals("host", pair.path("remoteType").asText(), "Chromium's selected pair: " + pair);
            List<String> jrtcPair = jrtc.selectedPairCandidateTypes();
            System.out.println("jrtc's selected pair (local, remote candidate types): " + jrtcPair);
            assertEquals(List.of("host", "relay"), jrtcPair, "jrtc's selected pair, by its getStats()");
        }
    }
}
