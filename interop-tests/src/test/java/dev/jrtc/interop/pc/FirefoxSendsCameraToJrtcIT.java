package dev.jrtc.interop.pc;

import dev.jrtc.interop.HeadlessFirefox;
import dev.jrtc.interop.LocalTestServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.ice.IceConfig;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.EngineStats;
import dev.jrtc.peerconnection.engine.SdpType;
import dev.jrtc.srtp.SrtpProfile;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Headless Firefox ESR offers its fake camera as sendonly VP8 video with max-bundle (the same page
 * as {@link ChromiumSendsCameraToJrtcIT}); a jrtc RTCPeerConnection answers. Firefox's host
 * candidates are on the namespace's veth ({@value #FIREFOX_HOST}), so jrtc binds that address too
 * (and loopback, which Firefox also offers with {@code media.peerconnection.ice.loopback}).
 * NSS offers DTLS 1.3 in its ClientHello and must settle on DTLS 1.2 with jrtc. ICE, DTLS (jrtc
 * is the client), SRTP and the VP8 frames must all arrive, with nothing dropped by the source gate.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FirefoxSendsCameraToJrtcIT {
    private static final int MIN_FRAMES = 30;
    private static final Duration MESSAGE = Duration.ofSeconds(60);
    private static final String FIREFOX_HOST = "10.99.0.1";

    /** jrtc on the veth address Firefox gathers on, and on loopback; loopback peers allowed. */
    private static RTCConfiguration reachableFromFirefox() {
        return new RTCConfiguration(
                List.of(new InetSocketAddress(FIREFOX_HOST, 0), new InetSocketAddress("127.0.0.1", 0)),
                IceConfig.builder().allowLoopbackRemote(true).build(), null);
    }

    @Test
    void firefoxCameraFramesArriveAtJrtcOverSrtp() throws Exception {
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessFirefox firefox = HeadlessFirefox.open(server.pageUri("chromium-sends-camera.html"))) {
            String offer = PageMessages.expect(server, "offer", MESSAGE, "firefox", firefox::logTail).path("sdp").asText();
            AtomicInteger frames = new AtomicInteger();
            AtomicInteger keyFrames = new AtomicInteger();
            AtomicReference<String> codec = new AtomicReference<>();
            CompletableFuture<Void> enoughFrames = new CompletableFuture<>();
            CompletableFuture<Void> connected = new CompletableFuture<>();
            RTCPeerConnection pc = new RTCPeerConnection(reachableFromFirefox());
            try {
                pc.ontrack(e -> e.track().onframe(f -> {
                    codec.set(f.codec());
                    if (f.keyFrame()) {
                        keyFrames.incrementAndGet();
                    }
                    if (frames.incrementAndGet() >= MIN_FRAMES) {
                        enoughFrames.complete(null);
                    }
                }));
                long started = System.nanoTime();
                AtomicReference<Long> connectedAt = new AtomicReference<>();
                pc.onconnectionstatechange(s -> {
                    if (s == ConnectionState.CONNECTED) {
                        connectedAt.compareAndSet(null, System.nanoTime());
                        connected.complete(null);
                    } else if (s == ConnectionState.FAILED) {
                        connected.completeExceptionally(new AssertionError("jrtc failed: " + pc.failureReason().orElse("?")));
                    }
                });
                pc.setRemoteDescription(new RTCSessionDescription(SdpType.OFFER, offer)).get(10, TimeUnit.SECONDS);
                RTCSessionDescription answer = pc.createAnswer().get(10, TimeUnit.SECONDS);
                pc.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
                pc.gatheringComplete().get(10, TimeUnit.SECONDS);
                String answerSdp = pc.localDescription().orElseThrow().sdp();
                server.send(Map.of("type", "answer", "sdp", answerSdp));
                PageMessages.expect(server, "applied", MESSAGE, "firefox", firefox::logTail);

                try {
                    connected.get(30, TimeUnit.SECONDS);
                    enoughFrames.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    fail("no media from Firefox: " + e + ", frames=" + frames.get() + ", ice="
                            + pc.iceConnectionState() + ", state=" + pc.connectionState() + ", stats="
                            + pc.getStats().get(5, TimeUnit.SECONDS) + "\n--- offer:\n" + offer + "\n--- answer:\n"
                            + answerSdp + "\n--- firefox log:\n" + firefox.logTail(), e);
                }
                EngineStats stats = pc.getStats().get(5, TimeUnit.SECONDS);
                System.out.println("jrtc received " + frames.get() + " frames from Firefox; stats " + stats
                        + "; SRTP " + pc.srtpProfile().orElse(null) + "; connected "
                        + (connectedAt.get() - started) / 1_000_000 + " ms after setRemoteDescription(offer)");
                assertTrue(pc.srtpProfile().isPresent(), "no SRTP profile negotiated");
                // NSS, the DTLS server here, puts AEAD_AES_128_GCM first; jrtc offers it.
                assertEquals(SrtpProfile.AEAD_AES_128_GCM, pc.srtpProfile().get());
                assertTrue(frames.get() >= MIN_FRAMES, "frames: " + frames.get());
                assertEquals("VP8", codec.get().toUpperCase(java.util.Locale.ROOT));
                assertTrue(keyFrames.get() >= 1, "no key frame among " + frames.get() + " frames");
                assertEquals(0, stats.sourceGateDropped(), "packets dropped by the source gate: " + stats);
                assertEquals(0, stats.srtpDropped(), "SRTP packets failed authentication: " + stats);

                server.send(Map.of("type", "done"));
                JsonNode firefoxStats = PageMessages.expect(server, "stats", MESSAGE, "firefox", firefox::logTail);
                assertTrue(firefoxStats.path("packetsSent").asLong() > 0, "Firefox says it sent nothing: " + firefoxStats);
            } finally {
                pc.close();
            }
        }
    }
}
