package dev.jrtc.peerconnection.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.Clips;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.EncodedFrame;
import dev.jrtc.peerconnection.engine.EngineStats;
import dev.jrtc.peerconnection.engine.SdpType;
import dev.jrtc.peerconnection.engine.SignalingState;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two real RTCPeerConnections on 127.0.0.1 (Netty NIO sockets, real DTLS thread): offer/answer and
 * trickled candidates exchanged in-process, both reach connected, a VP8 clip arrives frame for
 * frame, and close() gives back every socket and thread (the shared {@code jrtc-loop-*} event loops
 * are process-wide and stay).
 */
class LoopbackPeerConnectionsSendVp8Test {
    private static final Set<String> JVM_WIDE_NETTY_THREADS = Set.of("globalEventExecutor", "ObjectCleanerThread");

    @Test
    void vp8FramesFlowBetweenTwoLoopbackConnectionsAndCloseReleasesThreads() throws Exception {
        Set<Long> baseline = liveThreadIds();
        List<byte[]> clip = Clips.vp8Frames();
        List<EncodedFrame> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> allFrames = new CompletableFuture<>();

        RTCPeerConnection offerer = new RTCPeerConnection(RTCConfiguration.loopback());
        RTCPeerConnection answerer = new RTCPeerConnection(RTCConfiguration.loopback());
        try {
            answerer.ontrack(e -> e.track().onframe(f -> {
                received.add(f);
                if (received.size() == clip.size()) {
                    allFrames.complete(null);
                }
            }));

            RTCRtpTransceiver video = offerer.addTransceiver(MediaKind.VIDEO, new RTCRtpTransceiverInit(Direction.SENDONLY));
            Signalling.connect(offerer, answerer);
            assertEquals(SignalingState.STABLE, offerer.signalingState());
            assertEquals(SignalingState.STABLE, answerer.signalingState());
            assertTrue(offerer.srtpProfile().isPresent());
            assertEquals(offerer.srtpProfile(), answerer.srtpProfile());

            long ts = 0;
            for (byte[] frame : clip) {
                assertTrue(video.sendFrame(frame, ts).get(5, TimeUnit.SECONDS));
                ts += 3000;
                Thread.sleep(5);
            }
            allFrames.get(10, TimeUnit.SECONDS);
            for (int i = 0; i < clip.size(); i++) {
                assertArrayEquals(clip.get(i), received.get(i).data(), "frame " + i);
            }
            EngineStats stats = answerer.engineStats().get(5, TimeUnit.SECONDS);
            assertEquals(0, stats.sourceGateDropped());
            assertTrue(answerer.localDescription().orElseThrow().sdp().contains("a=candidate:"));
            assertEquals(SdpType.ANSWER, answerer.localDescription().orElseThrow().type());
        } finally {
            offerer.close();
            answerer.close();
        }
        assertEquals(ConnectionState.CLOSED, offerer.connectionState());
        assertNoThreadsLeftBeyond(baseline);
    }

    @Test
    void misuseFailsWithAClearError() throws Exception {
        Set<Long> baseline = liveThreadIds();
        try (RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.loopback())) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> pc.createAnswer().get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IllegalStateException);
            assertTrue(e.getCause().getMessage().startsWith("InvalidStateError"), e.getCause().getMessage());
            ExecutionException bad = assertThrows(ExecutionException.class,
                    () -> pc.setRemoteDescription(new RTCSessionDescription(SdpType.OFFER, "not sdp")).get(5, TimeUnit.SECONDS));
            assertTrue(bad.getCause() instanceof IllegalArgumentException);
            ExecutionException early = assertThrows(ExecutionException.class,
                    () -> pc.addIceCandidate(new RTCIceCandidate("candidate:1 1 udp 1 127.0.0.1 9 typ host", "0", 0))
                            .get(5, TimeUnit.SECONDS));
            assertTrue(early.getCause().getMessage().startsWith("InvalidStateError"));
            IllegalArgumentException noId = assertThrows(IllegalArgumentException.class,
                    () -> pc.createDataChannel("chat", new RTCDataChannelInit(true, null, null, "", true, null)));
            assertTrue(noId.getMessage().startsWith("TypeError"), noId.getMessage());
        }
        assertNoThreadsLeftBeyond(baseline);
    }

    private static Set<Long> liveThreadIds() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getId)
                .collect(Collectors.toSet());
    }

    private static void assertNoThreadsLeftBeyond(Set<Long> baseline) throws InterruptedException {
        List<String> extra = List.of();
        for (int i = 0; i < 100; i++) {
            extra = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !baseline.contains(t.getId()))
                    .map(Thread::getName)
                    .filter(n -> !JVM_WIDE_NETTY_THREADS.contains(n) && !n.startsWith("jrtc-loop-"))
                    .toList();
            if (extra.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("threads left after close: " + extra);
    }
}
