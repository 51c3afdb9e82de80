package dev.jrtc.peerconnection.api;

import dev.jrtc.peerconnection.engine.ConnectionState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** In-process signalling for loopback tests: trickled candidates, offer/answer, and waiting for connected. */
final class Signalling {
    private Signalling() {
    }

    /** Offer from {@code offerer}, answer from {@code answerer}; returns once both are connected. */
    static void connect(RTCPeerConnection offerer, RTCPeerConnection answerer) throws Exception {
        Trickle toAnswerer = new Trickle(answerer);
        Trickle toOfferer = new Trickle(offerer);
        offerer.onicecandidate(toAnswerer::offer);
        answerer.onicecandidate(toOfferer::offer);
        CompletableFuture<Void> a = connected(offerer);
        CompletableFuture<Void> b = connected(answerer);
        RTCSessionDescription offer = offerer.createOffer().get(5, TimeUnit.SECONDS);
        offerer.setLocalDescription(offer).get(5, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offer).get(5, TimeUnit.SECONDS);
        toAnswerer.remoteDescriptionApplied();
        RTCSessionDescription answer = answerer.createAnswer().get(5, TimeUnit.SECONDS);
        answerer.setLocalDescription(answer).get(5, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answer).get(5, TimeUnit.SECONDS);
        toOfferer.remoteDescriptionApplied();
        a.get(15, TimeUnit.SECONDS);
        b.get(15, TimeUnit.SECONDS);
    }

    private static CompletableFuture<Void> connected(RTCPeerConnection pc) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        pc.onconnectionstatechange(s -> {
            if (s == ConnectionState.CONNECTED) {
                f.complete(null);
            } else if (s == ConnectionState.FAILED) {
                f.completeExceptionally(new AssertionError("failed: " + pc.failureReason().orElse("?")));
            }
        });
        return f;
    }

    /** Candidates held until the receiving side has a remote description, as apps do. */
    private static final class Trickle {
        private final RTCPeerConnection to;
        private final List<RTCIceCandidate> held = new ArrayList<>();
        private boolean ready;

        Trickle(RTCPeerConnection to) {
            this.to = to;
        }

        synchronized void offer(RTCIceCandidate c) {
            if (c == null) {
                return;
            }
            if (ready) {
                to.addIceCandidate(c);
            } else {
                held.add(c);
            }
        }

        synchronized void remoteDescriptionApplied() {
            ready = true;
            held.forEach(to::addIceCandidate);
            held.clear();
        }
    }
}
