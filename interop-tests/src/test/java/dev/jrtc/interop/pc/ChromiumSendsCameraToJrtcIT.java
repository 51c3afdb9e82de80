package dev.jrtc.interop.pc;

import dev.jrtc.interop.HeadlessChromium;
import dev.jrtc.interop.LocalTestServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.EngineStats;
import dev.jrtc.peerconnection.engine.SdpType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Headless Chromium offers its fake camera as sendonly VP8 video with max-bundle; a jrtc
 * RTCPeerConnection answers. ICE, DTLS (jrtc is the client), SRTP, and the VP8 frames must all
 * arrive, with nothing dropped by the source gate.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChromiumSendsCameraToJrtcIT {
    private static final int MIN_FRAMES = 30;
    private static final Duration MESSAGE = Duration.ofSeconds(60);

    @Test
    void chromiumCameraFramesArriveAtJrtcOverSrtp() throws Exception {
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(server.pageUri("chromium-sends-camera.html"), HeadlessChromium.Media.FAKE_DEVICES)) {
            String offer = PageMessages.expect(server, "offer", MESSAGE, "chromium", chromium::logTail).path("sdp").asText();
            AtomicInteger frames = new AtomicInteger();
            AtomicInteger keyFrames = new AtomicInteger();
            AtomicReference<String> codec = new AtomicReference<>();
            CompletableFuture<Void> enoughFrames = new CompletableFuture<>();
            CompletableFuture<Void> connected = new CompletableFuture<>();
            RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.loopback());
            try {
                pc.onconnectionstatechange(s -> {
                    if (s == ConnectionState.CONNECTED) {
                        connected.complete(null);
                    } else if (s == ConnectionState.FAILED) {
                        connected.completeExceptionally(new AssertionError("jrtc failed: " + pc.failureReason().orElse("?")));
                    }
                });
                pc.ontrack(e -> e.track().onframe(f -> {
                    codec.set(f.codec());
                    if (f.keyFrame()) {
                        keyFrames.incrementAndGet();
                    }
                    if (frames.incrementAndGet() >= MIN_FRAMES) {
                        enoughFrames.complete(null);
                    }
                }));
                pc.setRemoteDescription(new RTCSessionDescription(SdpType.OFFER, offer)).get(10, TimeUnit.SECONDS);
                RTCSessionDescription answer = pc.createAnswer().get(10, TimeUnit.SECONDS);
                pc.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
                pc.gatheringComplete().get(10, TimeUnit.SECONDS);
                String answerSdp = pc.localDescription().orElseThrow().sdp();
                server.send(Map.of("type", "answer", "sdp", answerSdp));
                PageMessages.expect(server, "applied", MESSAGE, "chromium", chromium::logTail);

                try {
                    connected.get(30, TimeUnit.SECONDS);
                    enoughFrames.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    fail("no media from Chromium: " + e + ", frames=" + frames.get() + ", ice="
                            + pc.iceConnectionState() + ", state=" + pc.connectionState() + ", stats="
                            + pc.getStats().get(5, TimeUnit.SECONDS) + "\n--- offer:\n" + offer + "\n--- answer:\n"
                            + answerSdp + "\n--- chromium log:\n" + chromium.logTail(), e);
                }
                EngineStats stats = pc.getStats().get(5, TimeUnit.SECONDS);
                System.out.println("jrtc received " + frames.get() + " frames from Chromium; stats " + stats
                        + "; SRTP " + pc.srtpProfile().orElse(null));
                assertTrue(pc.srtpProfile().isPresent(), "no SRTP profile negotiated");
                assertEquals("VP8", codec.get().toUpperCase(java.util.Locale.ROOT));
                assertTrue(keyFrames.get() >= 1, "no key frame among " + frames.get() + " frames");
                assertEquals(0, stats.sourceGateDropped(), "packets dropped by the source gate: " + stats);
                assertEquals(0, stats.srtpDropped(), "SRTP packets failed authentication: " + stats);

                server.send(Map.of("type", "done"));
                JsonNode chromeStats = PageMessages.expect(server, "stats", MESSAGE, "chromium", chromium::logTail);
                assertTrue(chromeStats.path("packetsSent").asLong() > 0, "Chromium says it sent nothing: " + chromeStats);
            } finally {
                pc.close();
            }
        }
    }
}
