package dev.jrtc.interop.pc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.Aiortc;
import dev.jrtc.peerconnection.api.RTCRtpTransceiver;
import dev.jrtc.srtp.SrtpProfile;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * aiortc 1.4 ({@code /usr/bin/python3}, {@code aiortc_media_peer.py}) and jrtc exchange video in
 * both roles. aiortc offers a moving test pattern at 320x240, restricted to VP8 or to H.264 with
 * {@code setCodecPreferences}, and jrtc answers and receives the frames; jrtc offers its VP8 clip
 * and aiortc answers and decodes it. aiortc gathers on the namespace's veth only, so jrtc binds
 * there too. Frame count: {@code -Djrtc.interop.frames=N}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AiortcExchangesVideoWithJrtcIT {
    private static final int FRAMES = Integer.getInteger("jrtc.interop.frames", 30);
    private static final Duration MESSAGE = Duration.ofSeconds(30);
    private static final FrameSize PATTERN = new FrameSize(320, 240);

    @Test
    void aiortcOffersVp8TestPatternAndJrtcReceivesIt() throws Exception {
        aiortcOffers("VP8");
    }

    @Test
    void aiortcOffersH264TestPatternAndJrtcReceivesIt() throws Exception {
        aiortcOffers("H264");
    }

    @Test
    void jrtcOffersItsVp8ClipAndAiortcDecodesIt() throws Exception {
        VideoClip clip = VideoClip.load(VideoClip.VP8_320X240);
        try (Aiortc aiortc = Aiortc.run("aiortc_media_peer.py");
                JrtcPeer jrtc = new JrtcPeer(JrtcPeer.onVethAndLoopback())) {
            Supplier<String> log = aiortc::logTail;
            RTCRtpTransceiver video = jrtc.addVideoSender();
            aiortc.send(Map.of("type", "offer", "sdp", jrtc.offer(), "frames", FRAMES));
            jrtc.acceptAnswer(PageMessages.expect(aiortc, "answer", MESSAGE, "aiortc", log).path("sdp").asText());
            jrtc.awaitConnected(MESSAGE, log);
            JsonNode received;
            try (PacedSender sender = PacedSender.start(video, clip.looped(30), 1_000_000 / 30)) {
                received = PageMessages.expect(aiortc, "received", MESSAGE, "aiortc", () -> log.get() + "\n" + jrtc.diagnostics());
                System.out.println("jrtc -> aiortc: connected " + jrtc.millisFromRemoteDescriptionToConnected()
                        + " ms after setRemoteDescription(answer); jrtc "
                        + sender + "; aiortc decoded " + received);
            }
            SrtpProfile profile = jrtc.assertConnectedSecurelyWithNothingDropped();
            System.out.println("jrtc -> aiortc: SRTP " + profile + "; jrtc counters " + jrtc.counters());
            assertEquals("video/VP8", received.path("codec").asText(), "aiortc's codec: " + received);
            assertTrue(received.path("frames").asInt() >= FRAMES, "aiortc decoded: " + received);
            assertEquals(clip.size(), new FrameSize(received.path("width").asInt(), received.path("height").asInt()),
                    "the size aiortc decoded: " + received);
        }
    }

    private static void aiortcOffers(String codec) throws Exception {
        try (Aiortc aiortc = Aiortc.run("aiortc_media_peer.py");
                JrtcPeer jrtc = new JrtcPeer(JrtcPeer.onVethAndLoopback())) {
            Supplier<String> log = aiortc::logTail;
            aiortc.send(Map.of("type", "make-offer", "codec", codec, "width", PATTERN.width(), "height", PATTERN.height()));
            String offer = PageMessages.expect(aiortc, "offer", MESSAGE, "aiortc", log).path("sdp").asText();
            aiortc.send(Map.of("type", "answer", "sdp", jrtc.answer(offer)));
            PageMessages.expect(aiortc, "applied", MESSAGE, "aiortc", log);
            jrtc.awaitConnected(MESSAGE, log);
            jrtc.awaitVideoFrames(FRAMES, MESSAGE, log);
            SrtpProfile profile = jrtc.assertConnectedSecurelyWithNothingDropped();
            ReceivedMedia.Tally video = jrtc.media().video();
            aiortc.send(Map.of("type", "stats"));
            JsonNode stats = PageMessages.expect(aiortc, "stats", MESSAGE, "aiortc", log);
            System.out.println("aiortc -> jrtc (" + codec + "): connected " + jrtc.millisFromRemoteDescriptionToConnected()
                    + " ms after setRemoteDescription(offer); SRTP " + profile + "; received " + jrtc.media()
                    + "; jrtc counters " + jrtc.counters() + "; aiortc says " + stats);
            assertEquals(codec, video.codec().toUpperCase(Locale.ROOT), "video: " + video);
            assertTrue(video.keyFrames() >= 1, "no key frame: " + video);
            assertEquals(Set.of(PATTERN), video.sizes(), "sizes the bitstream declared: " + video);
            assertTrue(stats.path("packetsSent").asLong() > 0, "aiortc says it sent nothing: " + stats);
        }
    }
}
