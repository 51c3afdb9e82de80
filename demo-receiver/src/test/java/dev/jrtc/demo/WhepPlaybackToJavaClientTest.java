package dev.jrtc.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.video.I420Frame;
import dev.jrtc.media.video.VideoDecoder;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCRtpTransceiverInit;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.SdpType;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A jrtc peer connection as a WHEP client: the demo answers with H.264 only and sends its test
 * pattern and Opus tone; the client decodes a 640x480 picture.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WhepPlaybackToJavaClientTest {

    @Test
    void theTestPatternAndToneArriveAndDecode() throws Exception {
        try (Demo demo = DemoHttp.start(); RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.loopback())) {
            pc.addTransceiver(MediaKind.VIDEO, new RTCRtpTransceiverInit(Direction.RECVONLY));
            pc.addTransceiver(MediaKind.AUDIO, new RTCRtpTransceiverInit(Direction.RECVONLY));
            AtomicInteger audioFrames = new AtomicInteger();
            AtomicReference<String> videoCodec = new AtomicReference<>();
            CompletableFuture<I420Frame> picture = new CompletableFuture<>();
            VideoDecoder decoder = VideoDecoder.forCodec("H264");
            pc.ontrack(e -> e.track().onframe(f -> {
                if (e.track().kind() == MediaKind.AUDIO) {
                    audioFrames.incrementAndGet();
                    return;
                }
                videoCodec.set(f.codec());
                try {
                    Optional<I420Frame> p = decoder.decode(f.data(), f.rtpTimestamp(), f.keyFrame());
                    p.ifPresent(picture::complete);
                } catch (Exception ex) {
                    // wait for the next key frame
                }
            }));
            pc.setLocalDescription(pc.createOffer().get(5, TimeUnit.SECONDS)).get(5, TimeUnit.SECONDS);
            pc.gatheringComplete().get(5, TimeUnit.SECONDS);
            DemoHttp http = new DemoHttp(demo);
            HttpResponse<String> created = http.post("/whep", "application/sdp", pc.localDescription().orElseThrow().sdp());
            assertEquals(201, created.statusCode(), created.body());
            assertTrue(created.headers().firstValue("Location").orElse("").startsWith("/whep/"));
            String answer = created.body();
            assertTrue(answer.contains("H264"), answer);
            assertTrue(!answer.contains("VP8"), "the answer offers VP8, which jrtc cannot send:\n" + answer);
            pc.setRemoteDescription(new RTCSessionDescription(SdpType.ANSWER, answer)).get(5, TimeUnit.SECONDS);

            I420Frame first = picture.get(40, TimeUnit.SECONDS);
            assertEquals(640, first.width());
            assertEquals(480, first.height());
            assertEquals("H264", videoCodec.get().toUpperCase());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (audioFrames.get() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(audioFrames.get() >= 10, "Opus packets received: " + audioFrames.get());
            decoder.close();
        }
    }
}
