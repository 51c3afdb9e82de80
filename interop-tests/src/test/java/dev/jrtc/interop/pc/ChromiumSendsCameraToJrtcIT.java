package dev.jrtc.interop.pc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.HeadlessChromium;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Headless Chromium offers its fake camera (640x480) as a sendonly section with max-bundle and
 * no trickle, over HTTP polling; a jrtc RTCPeerConnection answers ({@link BrowserSendsToJrtc}).
 * The seed case sends VP8; the second forces H.264 (42e01f, packetization-mode 1, OpenH264 in
 * Debian's Chromium) with {@code setCodecPreferences} and adds the fake microphone as Opus. ICE,
 * DTLS (jrtc is the client), SRTP and the media must all arrive, with nothing dropped by the
 * source gate. Counts: {@code -Djrtc.interop.frames=N}, {@code -Djrtc.interop.audioPackets=N}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChromiumSendsCameraToJrtcIT {
    private static final int FRAMES = Integer.getInteger("jrtc.interop.frames", 30);
    private static final int AUDIO_PACKETS = Integer.getInteger("jrtc.interop.audioPackets", 50);
    private static final FrameSize FAKE_CAMERA = new FrameSize(640, 480);

    @Test
    void chromiumCameraFramesArriveAtJrtcOverSrtp() throws Exception {
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(server.pageUri("chromium-sends-camera.html"),
                        HeadlessChromium.Media.FAKE_DEVICES);
                JrtcPeer jrtc = new JrtcPeer(RTCConfiguration.loopback())) {
            JsonNode stats = BrowserSendsToJrtc.run(server, "chromium", chromium::logTail, jrtc,
                    new BrowserSendsToJrtc.Expected("VP8", FAKE_CAMERA, FRAMES, 0));
            assertEquals("video/VP8", stats.path("mimeType").asText());
        }
    }

    @Test
    void chromiumSendsH264ForcedBySetCodecPreferencesAndOpus() throws Exception {
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(
                        server.pageUri("chromium-sends-camera.html", "video=H264&audio=1"),
                        HeadlessChromium.Media.FAKE_DEVICES);
                JrtcPeer jrtc = new JrtcPeer(RTCConfiguration.loopback())) {
            JsonNode stats = BrowserSendsToJrtc.run(server, "chromium", chromium::logTail, jrtc,
                    new BrowserSendsToJrtc.Expected("H264", FAKE_CAMERA, FRAMES, AUDIO_PACKETS));
            assertEquals("video/H264", stats.path("mimeType").asText(), "Chromium's encoder: " + stats);
            assertEquals("audio/opus", stats.path("audioMimeType").asText());
        }
    }
}
