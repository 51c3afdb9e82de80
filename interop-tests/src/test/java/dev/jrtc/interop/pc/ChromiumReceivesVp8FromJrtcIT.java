package dev.jrtc.interop.pc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.HeadlessChromium;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCRtpTransceiver;
import dev.jrtc.srtp.SrtpProfile;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * jrtc sends a VP8 clip ({@link VideoClip#VP8_320X240}, looped at 30 fps) to headless Chromium,
 * whose page confirms with its own {@code getStats}: at least {@value #DEFAULT_FRAMES} frames
 * decoded ({@code framesDecoded}) at 320x240. Both roles: Chromium offers a recvonly section and
 * jrtc answers, and jrtc offers a sendonly section and Chromium answers (max-bundle, no trickle).
 * Frame count: {@code -Djrtc.interop.frames=N}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChromiumReceivesVp8FromJrtcIT {
    private static final int DEFAULT_FRAMES = 30;
    private static final int FRAMES = Integer.getInteger("jrtc.interop.frames", DEFAULT_FRAMES);
    private static final Duration MESSAGE = Duration.ofSeconds(40);
    private static final VideoClip CLIP = VideoClip.load(VideoClip.VP8_320X240);

    @Test
    void chromiumOffersRecvonlyJrtcAnswersAndChromiumDecodesTheClip() throws Exception {
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(
                        server.pageUri("browser-receives.html", "role=offer&frames=" + FRAMES),
                        HeadlessChromium.Media.FAKE_DEVICES);
                JrtcPeer jrtc = new JrtcPeer(RTCConfiguration.loopback())) {
            Supplier<String> log = chromium::logTail;
            String offer = PageMessages.expect(server, "offer", MESSAGE, "chromium", log).path("sdp").asText();
            RTCRtpTransceiver video = jrtc.addVideoSender();
            server.send(Map.of("type", "answer", "sdp", jrtc.answer(offer)));
            PageMessages.expect(server, "applied", MESSAGE, "chromium", log);
            sendAndCheck(server, jrtc, video, log, "Chromium offered, jrtc answered");
        }
    }

    @Test
    void jrtcOffersSendonlyChromiumAnswersAndDecodesTheClip() throws Exception {
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(
                        server.pageUri("browser-receives.html", "role=answer&frames=" + FRAMES),
                        HeadlessChromium.Media.FAKE_DEVICES);
                JrtcPeer jrtc = new JrtcPeer(RTCConfiguration.loopback())) {
            Supplier<String> log = chromium::logTail;
            RTCRtpTransceiver video = jrtc.addVideoSender();
            server.send(Map.of("type", "offer", "sdp", jrtc.offer()));
            jrtc.acceptAnswer(PageMessages.expect(server, "answer", MESSAGE, "chromium", log).path("sdp").asText());
            sendAndCheck(server, jrtc, video, log, "jrtc offered, Chromium answered");
        }
    }

    private static void sendAndCheck(LocalTestServer server, JrtcPeer jrtc, RTCRtpTransceiver video,
            Supplier<String> log, String roles) throws Exception {
        jrtc.awaitConnected(Duration.ofSeconds(30), log);
        JsonNode received;
        try (ClipSender sender = ClipSender.start(video, CLIP, 30)) {
            received = PageMessages.expect(server, "received", MESSAGE, "chromium", () -> log.get() + "\n" + jrtc.diagnostics());
            System.out.println(roles + ": connected " + jrtc.millisFromRemoteDescriptionToConnected()
                    + " ms after jrtc applied the remote description; jrtc "
                    + sender + "; Chromium reports " + received);
            assertTrue(sender.framesSent() >= FRAMES, "jrtc " + sender);
        }
        SrtpProfile profile = jrtc.assertConnectedSecurelyWithNothingDropped();
        System.out.println(roles + ": SRTP " + profile + "; jrtc counters " + jrtc.counters());
        assertTrue(received.path("framesDecoded").asLong() >= FRAMES, "Chromium decoded: " + received);
        assertEquals("video/VP8", received.path("mimeType").asText(), "Chromium's codec: " + received);
        assertEquals(CLIP.size().width(), received.path("frameWidth").asInt(), "Chromium's frame width: " + received);
        assertEquals(CLIP.size().height(), received.path("frameHeight").asInt(), "Chromium's frame height: " + received);
        assertTrue(received.path("keyFramesDecoded").asLong() >= 1, "no key frame decoded: " + received);
    }
}
