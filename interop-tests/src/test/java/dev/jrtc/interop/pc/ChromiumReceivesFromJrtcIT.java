package dev.jrtc.interop.pc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.HeadlessChromium;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.media.source.EncodedMediaFrame;
import dev.jrtc.media.source.TestPatternSource;
import dev.jrtc.media.source.ToneSource;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCRtpTransceiver;
import dev.jrtc.peerconnection.api.RTCRtpTransceiverInit;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import dev.jrtc.srtp.SrtpProfile;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * jrtc sends media to headless Chromium, whose page ({@code browser-receives.html}) confirms with
 * its own {@code getStats}: at least {@value #DEFAULT_FRAMES} frames decoded ({@code framesDecoded})
 * at the size jrtc sent. VP8 (the clip {@link VideoClip#VP8_320X240}, looped at 30 fps) in both
 * roles: Chromium offers a recvonly section and jrtc answers, and jrtc offers a sendonly section
 * and Chromium answers (max-bundle, no trickle). H.264 (media's {@link TestPatternSource}, encoded
 * by jcodec) plus Opus (media's {@link ToneSource}) when Chromium offers recvonly H.264 and Opus.
 * Counts: {@code -Djrtc.interop.frames=N}, {@code -Djrtc.interop.audioPackets=N}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChromiumReceivesFromJrtcIT {
    private static final int DEFAULT_FRAMES = 30;
    private static final int FRAMES = Integer.getInteger("jrtc.interop.frames", DEFAULT_FRAMES);
    private static final int AUDIO_PACKETS = Integer.getInteger("jrtc.interop.audioPackets", 50);
    private static final Duration MESSAGE = Duration.ofSeconds(40);
    private static final VideoClip CLIP = VideoClip.load(VideoClip.VP8_320X240);
    private static final int PATTERN_FPS = 15;

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
            sendClipAndCheck(server, jrtc, video, log, "Chromium offered, jrtc answered");
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
            sendClipAndCheck(server, jrtc, video, log, "jrtc offered, Chromium answered");
        }
    }

    @Test
    void chromiumDecodesJrtcsH264TestPatternAndHearsItsOpusTone() throws Exception {
        TestPatternSource pattern = new TestPatternSource(320, 240, PATTERN_FPS, PATTERN_FPS);
        ToneSource tone = new ToneSource(440);
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(server.pageUri("browser-receives.html",
                        "role=offer&video=H264&audio=1&frames=" + FRAMES + "&audioPackets=" + AUDIO_PACKETS),
                        HeadlessChromium.Media.FAKE_DEVICES);
                JrtcPeer jrtc = new JrtcPeer(RTCConfiguration.loopback())) {
            Supplier<String> log = chromium::logTail;
            String offer = PageMessages.expect(server, "offer", MESSAGE, "chromium", log).path("sdp").asText();
            RTCRtpTransceiver video = jrtc.addVideoSender();
            RTCRtpTransceiver audio = jrtc.pc().addTransceiver(MediaKind.AUDIO, new RTCRtpTransceiverInit(Direction.SENDONLY));
            // The pattern source is not thread-safe: a PLI only raises a flag its sending thread reads.
            AtomicBoolean keyFrameWanted = new AtomicBoolean();
            video.onkeyframerequest(() -> keyFrameWanted.set(true));
            Supplier<EncodedMediaFrame> frames = () -> {
                if (keyFrameWanted.getAndSet(false)) {
                    pattern.requestKeyFrame();
                }
                return pattern.next();
            };
            server.send(Map.of("type", "answer", "sdp", jrtc.answer(offer)));
            PageMessages.expect(server, "applied", MESSAGE, "chromium", log);
            jrtc.awaitConnected(Duration.ofSeconds(30), log);
            JsonNode received;
            try (PacedSender v = PacedSender.start(video, frames, 1_000_000 / PATTERN_FPS);
                    PacedSender a = PacedSender.start(audio, tone::next, tone.packetMillis() * 1000L)) {
                received = PageMessages.expect(server, "received", MESSAGE, "chromium",
                        () -> log.get() + "\n" + jrtc.diagnostics());
                System.out.println("jrtc -> Chromium (H.264 + Opus): connected " + jrtc.millisFromRemoteDescriptionToConnected()
                        + " ms after setRemoteDescription(offer); video " + v + ", audio " + a + "; Chromium reports " + received);
            }
            SrtpProfile profile = jrtc.assertConnectedSecurelyWithNothingDropped();
            System.out.println("jrtc -> Chromium (H.264 + Opus): SRTP " + profile + "; jrtc counters " + jrtc.counters());
            assertEquals("video/H264", received.path("mimeType").asText(), "Chromium's video codec: " + received);
            assertTrue(received.path("framesDecoded").asLong() >= FRAMES, "Chromium decoded: " + received);
            assertEquals(320, received.path("frameWidth").asInt(), "Chromium's frame width: " + received);
            assertEquals(240, received.path("frameHeight").asInt(), "Chromium's frame height: " + received);
            assertEquals("audio/opus", received.path("audioMimeType").asText(), "Chromium's audio codec: " + received);
            assertTrue(received.path("audioPackets").asLong() >= AUDIO_PACKETS, "Chromium's audio: " + received);
        }
    }

    private static void sendClipAndCheck(LocalTestServer server, JrtcPeer jrtc, RTCRtpTransceiver video,
            Supplier<String> log, String roles) throws Exception {
        jrtc.awaitConnected(Duration.ofSeconds(30), log);
        JsonNode received;
        try (PacedSender sender = PacedSender.start(video, CLIP.looped(30), 1_000_000 / 30)) {
            received = PageMessages.expect(server, "received", MESSAGE, "chromium", () -> log.get() + "\n" + jrtc.diagnostics());
            System.out.println(roles + ": connected " + jrtc.millisFromRemoteDescriptionToConnected()
                    + " ms after jrtc applied the remote description; jrtc " + sender + "; Chromium reports " + received);
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
