package dev.jrtc.interop.sctp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.JsonLinesPeer;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.SdpType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The Java half of the scripted peers' echo test (aiortc, werift): the script offers a channel
 * {@code echo}, jrtc answers and echoes through {@link DataChannelService}, and the script reports
 * what came back.
 */
final class ScriptedPeerEcho {
    private ScriptedPeerEcho() {
    }

    /** Runs the echo test and returns the script's {@code result}, already checked. */
    static JsonNode run(JsonLinesPeer peer, String name, int messages, int maxSize, Duration within) throws Exception {
        try (RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.loopback())) {
            DataChannelService service = DataChannelService.on(pc);
            List<String> states = new CopyOnWriteArrayList<>();
            pc.oniceconnectionstatechange(st -> states.add("ice:" + st));
            pc.onconnectionstatechange(st -> states.add("pc:" + st));
            peer.send(Map.of("type", "start", "messages", messages, "maxSize", maxSize));
            String offer = expect(peer, "offer", Duration.ofSeconds(30), name).path("sdp").asText();
            pc.setRemoteDescription(new RTCSessionDescription(SdpType.OFFER, offer)).get(10, TimeUnit.SECONDS);
            pc.setLocalDescription(pc.createAnswer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
            pc.gatheringComplete().get(10, TimeUnit.SECONDS);
            String answer = pc.localDescription().orElseThrow().sdp();
            peer.send(Map.of("type", "answer", "sdp", answer));
            JsonNode result;
            try {
                expect(peer, "open", Duration.ofSeconds(30), name);
                result = expect(peer, "result", within, name);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\njrtc echoed " + service.echoed() + ", state="
                        + pc.connectionState() + ", ice=" + pc.iceConnectionState() + ", states=" + states + ", failure="
                        + pc.failureReason().orElse("none") + ", stats=" + statsOf(pc)
                        + "\n--- offer:\n" + offer + "\n--- answer:\n" + answer, e);
            }
            System.out.println(name + " result: " + result + "\njrtc states: " + states);
            BrowserSuiteRun.assertEchoed(result, messages);
            assertTrue(service.echoed() >= messages, "jrtc echoed " + service.echoed());
            return result;
        }
    }

    private static String statsOf(RTCPeerConnection pc) {
        try {
            return String.valueOf(pc.getStats().get(5, TimeUnit.SECONDS));
        } catch (Exception e) {
            return "unavailable: " + e;
        }
    }

    private static JsonNode expect(JsonLinesPeer peer, String type, Duration within, String name)
            throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            JsonNode m = peer.receive(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            if (m == null) {
                break;
            }
            if (m.path("type").asText().equals(type)) {
                return m;
            }
            if (m.path("type").asText().equals("error")) {
                fail(name + " failed: " + m.path("error").asText() + "\n--- its log:\n" + peer.logTail());
            }
        }
        return fail("no '" + type + "' from " + name + " within " + within.toSeconds() + " s\n--- its log:\n"
                + peer.logTail());
    }
}
