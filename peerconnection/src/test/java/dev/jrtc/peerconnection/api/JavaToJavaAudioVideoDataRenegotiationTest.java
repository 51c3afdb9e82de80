package dev.jrtc.peerconnection.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.Clips;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.SignalingState;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Java to Java on loopback, negotiated only through {@code onnegotiationneeded} and the implicit
 * {@code setLocalDescription()}: a offers audio, video and a data channel; then b adds its own
 * video on the transceiver a's offer made and offers in turn (both roles); media and data flow
 * both ways; a removes its audio and b's track ends; finally one side closes and the other sees
 * the connection close. Run with trickle and without (complete descriptions).
 */
class JavaToJavaAudioVideoDataRenegotiationTest {
    private static final byte[] OPUS_FRAME = new byte[60];

    @ParameterizedTest(name = "trickle={0}, closed by {1}")
    @CsvSource({"true, a", "false, b"})
    void mediaAndDataFlowBothWaysThroughRenegotiationsAndCloseFromEitherSide(boolean trickle, String closer)
            throws Exception {
        List<byte[]> clip = Clips.vp8Frames();
        RTCPeerConnection a = new RTCPeerConnection(RTCConfiguration.loopback());
        RTCPeerConnection b = new RTCPeerConnection(RTCConfiguration.loopback());
        Map<String, RemoteTrack> tracksAtA = new ConcurrentHashMap<>();
        Map<String, RemoteTrack> tracksAtB = new ConcurrentHashMap<>();
        a.ontrack(e -> tracksAtA.put(e.track().kind().token(), e.track()));
        b.ontrack(e -> tracksAtB.put(e.track().kind().token(), e.track()));
        AtomicInteger messagesAtA = new AtomicInteger();
        AtomicInteger messagesAtB = new AtomicInteger();
        CompletableFuture<RTCDataChannel> channelAtB = new CompletableFuture<>();
        b.ondatachannel(ch -> {
            ch.onmessage(m -> {
                messagesAtB.incrementAndGet();
                ch.send("echo " + m.text());
            });
            channelAtB.complete(ch);
        });
        try (PeerLink link = new PeerLink(a, b, trickle)) {
            RTCRtpTransceiver videoA = a.addTransceiver(LocalMediaTrack.video(), new RTCRtpTransceiverInit(Direction.SENDRECV));
            RTCRtpSender audioA = a.addTrack(LocalMediaTrack.audio());
            RTCDataChannel chat = a.createDataChannel("chat");
            chat.onmessage(m -> messagesAtA.incrementAndGet());
            CompletableFuture<Void> open = new CompletableFuture<>();
            chat.onopen(() -> open.complete(null));
            link.awaitSettled();
            waitFor(() -> a.connectionState() == ConnectionState.CONNECTED && b.connectionState() == ConnectionState.CONNECTED);
            open.get(10, TimeUnit.SECONDS);
            channelAtB.get(10, TimeUnit.SECONDS);

            // b sends video too, on the transceiver a's offer created: b is the offerer this time.
            assertEquals(2, b.getReceivers().size());
            RTCRtpSender videoB = b.addTrack(LocalMediaTrack.video());
            assertEquals(b.getTransceivers().stream().filter(t -> t.kind() == MediaKind.VIDEO).count(), 1);
            link.awaitSettled();
            assertEquals(SignalingState.STABLE, a.signalingState());
            assertEquals(Direction.SENDRECV, videoB.transceiver().currentDirection().orElseThrow());
            waitFor(() -> tracksAtA.containsKey("video") && tracksAtB.containsKey("video") && tracksAtB.containsKey("audio"));

            AtomicInteger videoAtB = count(tracksAtB.get("video"));
            AtomicInteger audioAtB = count(tracksAtB.get("audio"));
            AtomicInteger videoAtA = count(tracksAtA.get("video"));
            long ts = 0;
            for (int i = 0; i < 20; i++) {
                byte[] frame = clip.get(i % clip.size());
                assertTrue(videoA.sendFrame(frame, ts).get(5, TimeUnit.SECONDS));
                assertTrue(videoB.sendFrame(frame, ts).get(5, TimeUnit.SECONDS));
                assertTrue(audioA.sendFrame(OPUS_FRAME, ts / 2).get(5, TimeUnit.SECONDS));
                chat.send("message " + i);
                ts += 3000;
                Thread.sleep(20);
            }
            waitFor(() -> videoAtB.get() >= 20 && videoAtA.get() >= 20 && audioAtB.get() >= 20
                    && messagesAtB.get() == 20 && messagesAtA.get() == 20);

            // a stops sending audio: after the renegotiation b's audio track ends.
            CompletableFuture<Void> audioEnded = new CompletableFuture<>();
            tracksAtB.get("audio").onended(() -> audioEnded.complete(null));
            a.removeTrack(audioA);
            link.awaitSettled();
            audioEnded.get(10, TimeUnit.SECONDS);
            // a now only receives audio and b never sent any: the section is inactive (RFC 9429 5.3.1).
            assertEquals(Direction.INACTIVE, audioA.transceiver().currentDirection().orElseThrow());
            assertEquals(Direction.RECVONLY, audioA.transceiver().direction());
            assertTrue(videoA.sendFrame(clip.get(0), ts).get(5, TimeUnit.SECONDS), "video still flows");

            RTCPeerConnection closing = closer.equals("a") ? a : b;
            RTCPeerConnection other = closing == a ? b : a;
            closing.close();
            waitFor(() -> other.connectionState() == ConnectionState.CLOSED);
        } finally {
            a.close();
            b.close();
        }
    }

    private static AtomicInteger count(RemoteTrack track) {
        AtomicInteger n = new AtomicInteger();
        track.onframe(f -> n.incrementAndGet());
        return n;
    }

    private static void waitFor(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(done.getAsBoolean(), "timed out");
    }
}
