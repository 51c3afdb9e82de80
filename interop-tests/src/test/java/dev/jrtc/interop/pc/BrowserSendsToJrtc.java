package dev.jrtc.interop.pc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.srtp.SrtpProfile;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The flow of every "a browser offers its fake camera (and microphone), jrtc answers" case on
 * {@code chromium-sends-camera.html}: non-trickle offer over HTTP polling, jrtc's answer, then
 * the checks of every interop case plus what was received: enough frames of the right codec,
 * every size the bitstream declared equal to the camera's, a key frame, enough Opus packets,
 * and the browser's own count of what it sent.
 */
final class BrowserSendsToJrtc {
    private static final Duration MESSAGE = Duration.ofSeconds(40);
    private static final Duration MEDIA = Duration.ofSeconds(30);

    /**
     * What the test expects.
     *
     * @param videoCodec the codec name jrtc must see ("VP8", "H264")
     * @param size the picture size every key frame must declare, or null for "the size the browser
     *     says it encoded" (Firefox scales its fake camera down while its bandwidth estimate is low)
     * @param frames the least number of video frames
     * @param audioPackets the least number of Opus packets, 0 when the page sends no audio
     */
    record Expected(String videoCodec, FrameSize size, int frames, int audioPackets) {
    }

    private BrowserSendsToJrtc() {
    }

    /** Runs the exchange and checks; returns the page's final stats (with the selected pair). */
    static JsonNode run(LocalTestServer page, String browser, Supplier<String> log, JrtcPeer jrtc, Expected expected)
            throws Exception {
        String offer = PageMessages.expect(page, "offer", MESSAGE, browser, log).path("sdp").asText();
        page.send(Map.of("type", "answer", "sdp", jrtc.answer(offer)));
        PageMessages.expect(page, "applied", MESSAGE, browser, log);
        jrtc.awaitConnected(MEDIA, log);
        jrtc.awaitVideoFrames(expected.frames(), MEDIA, log);
        if (expected.audioPackets() > 0) {
            jrtc.awaitAudioPackets(expected.audioPackets(), MEDIA, log);
        }
        SrtpProfile profile = jrtc.assertConnectedSecurelyWithNothingDropped();
        ReceivedMedia.Tally video = jrtc.media().video();
        assertEquals(expected.videoCodec(), video.codec().toUpperCase(Locale.ROOT), "video: " + video);
        assertTrue(video.keyFrames() >= 1, "no key frame: " + video);
        if (expected.audioPackets() > 0) {
            ReceivedMedia.Tally audio = jrtc.media().audio();
            assertEquals("OPUS", audio.codec().toUpperCase(Locale.ROOT), "audio: " + audio);
        }

        page.send(Map.of("type", "done"));
        JsonNode stats = PageMessages.expect(page, "stats", MESSAGE, browser, log);
        System.out.println(browser + " -> jrtc: connected " + jrtc.millisFromRemoteDescriptionToConnected()
                + " ms after setRemoteDescription(offer); SRTP " + profile + "; received " + jrtc.media()
                + "; jrtc counters " + jrtc.counters() + "; " + browser + " says " + stats);
        assertTrue(stats.path("packetsSent").asLong() > 0, browser + " says it sent no video: " + stats);
        FrameSize encoded = new FrameSize(stats.path("frameWidth").asInt(), stats.path("frameHeight").asInt());
        assertEquals(Set.of(expected.size() == null ? encoded : expected.size()), video.sizes(),
                "sizes the bitstream declared: " + video + "; " + browser + " encoded " + encoded);
        if (expected.audioPackets() > 0) {
            assertTrue(stats.path("audioPacketsSent").asLong() > 0, browser + " says it sent no audio: " + stats);
        }
        return stats;
    }
}
