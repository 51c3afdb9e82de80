package dev.jrtc.benchmarks.load;

import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCIceCandidate;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.EncodedFrame;
import dev.jrtc.peerconnection.engine.SdpType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One receiving {@link RTCPeerConnection} of the load test (the answerer). Each frame out of
 * {@code onframe} is timed against the sender's stamp and checked for a gap in the frame indexes.
 */
final class ReceivingConnection {
    final int id;
    final RTCPeerConnection pc;
    final CompletableFuture<Void> connected = new CompletableFuture<>();
    final CompletableFuture<Void> dataChannelOpen = new CompletableFuture<>();
    final AtomicLong frames = new AtomicLong();
    final AtomicLong missing = new AtomicLong();
    private final SenderProcess sender;
    private final LatencyHistogram latency;
    private final List<RTCIceCandidate> heldRemote = new ArrayList<>();
    private final List<RTCIceCandidate> heldLocal = new ArrayList<>();
    private boolean remoteSet;
    private boolean answerSent;
    private long lastIndex = -1;

    ReceivingConnection(int id, SenderProcess sender, LatencyHistogram latency) {
        this.id = id;
        this.sender = sender;
        this.latency = latency;
        this.pc = new RTCPeerConnection(RTCConfiguration.loopback());
        pc.onconnectionstatechange(s -> {
            if (s == ConnectionState.CONNECTED) {
                connected.complete(null);
            } else if (s == ConnectionState.FAILED) {
                connected.completeExceptionally(new IllegalStateException(pc.failureReason().orElse("failed")));
            }
        });
        pc.ondatachannel(c -> c.onopen(() -> dataChannelOpen.complete(null)));
        pc.ontrack(e -> e.track().onframe(this::onFrame));
        pc.onicecandidate(this::localCandidate);
    }

    private void onFrame(EncodedFrame f) {
        long now = System.nanoTime();
        byte[] data = f.data();
        latency.record(now - LoadFrames.sentNanos(data));
        frames.incrementAndGet();
        long index = LoadFrames.index(data);
        synchronized (this) {
            if (lastIndex >= 0 && index > lastIndex + 1) {
                missing.addAndGet(index - lastIndex - 1);
            }
            lastIndex = Math.max(lastIndex, index);
        }
    }

    void resetCounters() {
        frames.set(0);
        missing.set(0);
    }

    /** The sender's offer: answer it, then let candidates flow both ways. */
    void onOffer(String sdp) throws Exception {
        pc.setRemoteDescription(new RTCSessionDescription(SdpType.OFFER, sdp)).get(10, TimeUnit.SECONDS);
        synchronized (this) {
            remoteSet = true;
            heldRemote.forEach(pc::addIceCandidate);
            heldRemote.clear();
        }
        RTCSessionDescription answer = pc.createAnswer().get(10, TimeUnit.SECONDS);
        pc.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
        synchronized (this) {
            sender.send(new SignalLine("ANSWER", id, answer.sdp()));
            answerSent = true;
            heldLocal.forEach(this::sendCandidate);
            heldLocal.clear();
        }
    }

    synchronized void onRemoteCandidate(String payload) {
        String[] p = payload.split("\n", 3);
        RTCIceCandidate c = new RTCIceCandidate(p[2], p[0], Integer.parseInt(p[1]));
        if (remoteSet) {
            pc.addIceCandidate(c);
        } else {
            heldRemote.add(c);
        }
    }

    private synchronized void localCandidate(RTCIceCandidate c) {
        if (c == null || c.isEndOfCandidates()) {
            return;
        }
        if (answerSent) {
            sendCandidate(c);
        } else {
            heldLocal.add(c);
        }
    }

    private void sendCandidate(RTCIceCandidate c) {
        sender.send(new SignalLine("CAND", id, c.sdpMid() + "\n" + c.sdpMLineIndex() + "\n" + c.candidate()));
    }
}
