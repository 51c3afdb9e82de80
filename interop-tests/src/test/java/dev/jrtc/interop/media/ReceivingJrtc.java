package dev.jrtc.interop.media;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.EncodedFrame;
import dev.jrtc.peerconnection.engine.SdpType;
import dev.jrtc.sdp.jsep.MediaKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A jrtc RTCPeerConnection that answers a browser's offer and keeps every encoded frame it
 * receives, per kind, in arrival order ({@code RemoteTrack.onframe}).
 */
final class ReceivingJrtc implements AutoCloseable {
    private static final long STEP_SECONDS = 10;
    private final RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.loopback());
    private final Map<MediaKind, List<EncodedFrame>> frames = new EnumMap<>(MediaKind.class);
    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    ReceivingJrtc() {
        frames.put(MediaKind.AUDIO, new ArrayList<>());
        frames.put(MediaKind.VIDEO, new ArrayList<>());
        pc.onconnectionstatechange(s -> {
            if (s == ConnectionState.CONNECTED) {
                connected.complete(null);
            } else if (s == ConnectionState.FAILED) {
                connected.completeExceptionally(new AssertionError("jrtc failed: " + pc.failureReason().orElse("?")));
            }
        });
        pc.ontrack(e -> {
            List<EncodedFrame> list = frames.get(e.track().kind());
            e.track().onframe(f -> {
                synchronized (this) {
                    list.add(f);
                    notifyAll();
                }
            });
        });
    }

    /** Applies the offer; returns the answer with every candidate. */
    String answer(String offer) throws Exception {
        pc.setRemoteDescription(new RTCSessionDescription(SdpType.OFFER, offer)).get(STEP_SECONDS, TimeUnit.SECONDS);
        pc.setLocalDescription(pc.createAnswer().get(STEP_SECONDS, TimeUnit.SECONDS)).get(STEP_SECONDS, TimeUnit.SECONDS);
        pc.gatheringComplete().get(STEP_SECONDS, TimeUnit.SECONDS);
        return pc.localDescription().orElseThrow().sdp();
    }

    /** Waits until {@code n} frames of a kind arrived; returns a copy of them. */
    List<EncodedFrame> await(MediaKind kind, int n, Duration within, Supplier<String> log) throws Exception {
        try {
            connected.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            fail("jrtc did not connect: " + e + "\n" + log.get(), e);
        }
        long end = System.nanoTime() + within.toNanos();
        synchronized (this) {
            List<EncodedFrame> list = frames.get(kind);
            while (list.size() < n) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    fail("only " + list.size() + " " + kind + " frames of " + n + " arrived\n" + log.get());
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return new ArrayList<>(list.subList(0, n));
        }
    }

    @Override
    public void close() {
        pc.close();
    }
}
