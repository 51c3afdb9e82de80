package dev.jrtc.benchmarks.load;

import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCIceCandidate;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.EncodedFrame;
import dev.jrtc.peerconnection.engine.EngineStats;
import dev.jrtc.peerconnection.engine.SdpType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One receiving {@link RTCPeerConnection} of the load test (the answerer). Its {@link ReceiveProbe}
 * times every RTP datagram from the socket read to the engine handing it to the jitter buffer (the
 * latency our process adds) and counts the RTP datagrams read, to compare with the packets the
 * engine decrypted. Each frame out of {@code onframe} is also timed against the sender's stamp (end
 * to end, including the jitter buffer's hold) and checked for a gap in the frame indexes.
 */
final class ReceivingConnection {
    final int id;
    final RTCPeerConnection pc;
    final CompletableFuture<Void> connected = new CompletableFuture<>();
    final CompletableFuture<Void> dataChannelOpen = new CompletableFuture<>();
    /** Frames delivered by {@code onframe} (written on the loop). */
    final AtomicLong frames = new AtomicLong();
    final AtomicLong missing = new AtomicLong();
    /** RTP datagrams read from the socket (written on the loop). */
    final AtomicLong rtpRead = new AtomicLong();
    private final SenderProcess sender;
    private final LatencyHistogram latency;
    private final LatencyHistogram processing;
    private final List<RTCIceCandidate> heldRemote = new ArrayList<>();
    private final List<RTCIceCandidate> heldLocal = new ArrayList<>();
    private boolean remoteSet;
    private boolean answerSent;
    private long lastIndex = -1;

    ReceivingConnection(int id, SenderProcess sender, LatencyHistogram latency, LatencyHistogram processing) {
        this.id = id;
        this.sender = sender;
        this.latency = latency;
        this.processing = processing;
        this.pc = new RTCPeerConnection(RTCConfiguration.loopback().withReceiveProbe(this::handled));
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

    private void handled(long readNanos, long handledNanos, int firstByte, int secondByte) {
        // RFC 7983: 128..191 is RTP/RTCP; RTCP's packet type (marker bit cleared) is 64..95.
        if (firstByte >= 128 && firstByte <= 191 && ((secondByte & 0x7F) < 64 || (secondByte & 0x7F) > 95)) {
            rtpRead.lazySet(rtpRead.get() + 1); // only this connection's loop writes it
            processing.record(handledNanos - readNanos);
        }
    }

    /**
     * RTP datagrams read, RTP packets the engine decrypted and passed on, and RTP/SRTP it dropped and
     * counted, at one instant: retried until no datagram was read while the engine's counters were
     * taken, so the two sides match.
     */
    long[] rtpCounters() throws Exception {
        for (int attempt = 0; ; attempt++) {
            long before = rtpRead.get();
            EngineStats s = pc.engineStats().get(10, TimeUnit.SECONDS);
            if (rtpRead.get() == before || attempt == 20) {
                return new long[] {before, s.rtpReceived(), s.srtpDropped() + s.earlyDropped() + s.unroutableRtp()};
            }
        }
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
