package dev.jrtc.interop.pc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.GstWebrtcbin;
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
 * GStreamer 1.22 webrtcbin sends {@code videotestsrc ! vp8enc ! rtpvp8pay} at 320x240 to jrtc
 * ({@code gst_vp8_sender.py}): webrtcbin offers (max-bundle, sendonly, no trickle) and jrtc
 * answers. libnice gathers on the namespace's veth, so jrtc binds there too. libnice ICE,
 * OpenSSL DTLS and libsrtp must interoperate with jrtc, and the frames must declare 320x240.
 * Frame count: {@code -Djrtc.interop.frames=N}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class GstreamerSendsVp8ToJrtcIT {
    private static final int FRAMES = Integer.getInteger("jrtc.interop.frames", 30);
    private static final Duration MESSAGE = Duration.ofSeconds(40);
    private static final FrameSize TEST_SOURCE = new FrameSize(320, 240);

    @Test
    void webrtcbinVp8FramesArriveAtJrtcAtTheirSize() throws Exception {
        try (GstWebrtcbin gst = GstWebrtcbin.run("gst_vp8_sender.py");
                JrtcPeer jrtc = new JrtcPeer(JrtcPeer.onVethAndLoopback())) {
            Supplier<String> log = gst::logTail;
            gst.send(Map.of("type", "make-offer", "width", TEST_SOURCE.width(), "height", TEST_SOURCE.height()));
            String offer = PageMessages.expect(gst, "offer", MESSAGE, "gstreamer", log).path("sdp").asText();
            gst.send(Map.of("type", "answer", "sdp", jrtc.answer(offer)));
            PageMessages.expect(gst, "applied", MESSAGE, "gstreamer", log);
            jrtc.awaitConnected(MESSAGE, log);
            jrtc.awaitVideoFrames(FRAMES, MESSAGE, log);
            SrtpProfile profile = jrtc.assertConnectedSecurelyWithNothingDropped();
            ReceivedMedia.Tally video = jrtc.media().video();
            gst.send(Map.of("type", "stats"));
            JsonNode stats = PageMessages.expect(gst, "stats", MESSAGE, "gstreamer", log);
            System.out.println("webrtcbin -> jrtc: connected " + jrtc.millisFromRemoteDescriptionToConnected()
                    + " ms after setRemoteDescription(offer); SRTP " + profile + "; received " + jrtc.media()
                    + "; jrtc counters " + jrtc.counters() + "; webrtcbin says " + stats);
            assertEquals("VP8", video.codec().toUpperCase(Locale.ROOT), "video: " + video);
            assertTrue(video.keyFrames() >= 1, "no key frame: " + video);
            assertEquals(Set.of(TEST_SOURCE), video.sizes(), "sizes the bitstream declared: " + video);
            assertEquals("connected", stats.path("connectionState").asText(), "webrtcbin: " + stats);
        }
    }
}
