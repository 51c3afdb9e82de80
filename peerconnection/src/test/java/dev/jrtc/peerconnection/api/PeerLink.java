package dev.jrtc.peerconnection.api;

import dev.jrtc.peerconnection.engine.SignalingState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * In-process signalling between two peer connections, driven by {@code onnegotiationneeded} as an
 * application would: the side that needs negotiation applies an implicit offer, the other side
 * applies it and an implicit answer, and the answer goes back. Each side has one ordered message
 * queue (like a signalling channel). With trickle, candidates follow as they are gathered and wait
 * until their receiver has a remote description; without, each description is sent only once
 * gathering is complete and carries every candidate.
 */
final class PeerLink implements AutoCloseable {
    private static final long STEP = 10;

    private final RTCPeerConnection a;
    private final RTCPeerConnection b;
    private final boolean trickle;
    private final ExecutorService queueA = Executors.newSingleThreadExecutor(r -> daemon(r, "signalling-a"));
    private final ExecutorService queueB = Executors.newSingleThreadExecutor(r -> daemon(r, "signalling-b"));
    private final List<RTCIceCandidate> heldForA = new ArrayList<>();
    private final List<RTCIceCandidate> heldForB = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicReference<Throwable> error = new AtomicReference<>();

    PeerLink(RTCPeerConnection a, RTCPeerConnection b, boolean trickle) {
        this.a = a;
        this.b = b;
        this.trickle = trickle;
        a.onnegotiationneeded(() -> {
            started.incrementAndGet();
            queueA.execute(() -> negotiate(a, queueA, b, queueB));
        });
        b.onnegotiationneeded(() -> {
            started.incrementAndGet();
            queueB.execute(() -> negotiate(b, queueB, a, queueA));
        });
        if (trickle) {
            a.onicecandidate(c -> queueB.execute(() -> candidate(b, heldForB, c)));
            b.onicecandidate(c -> queueA.execute(() -> candidate(a, heldForA, c)));
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Offer/answer rounds completed so far. */
    int completed() {
        return completed.get();
    }

    /**
     * Waits until every negotiation that was needed has completed and both sides are stable (a
     * change made while an offer is out leads to one more round); fails on a signalling error.
     */
    void awaitSettled() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int quiet = 0;
        while (quiet < 5 && error.get() == null && System.nanoTime() < end) {
            Thread.sleep(STEP);
            boolean settled = started.get() == completed.get() && a.signalingState() == SignalingState.STABLE
                    && b.signalingState() == SignalingState.STABLE;
            quiet = settled ? quiet + 1 : 0;
        }
        if (error.get() != null) {
            throw new AssertionError("signalling failed", error.get());
        }
        if (quiet < 5) {
            throw new AssertionError(completed.get() + " of " + started.get() + " negotiations completed");
        }
    }

    private void negotiate(RTCPeerConnection offerer, ExecutorService offererQueue, RTCPeerConnection answerer,
            ExecutorService answererQueue) {
        try {
            offerer.setLocalDescription().get(5, TimeUnit.SECONDS);
            RTCSessionDescription offer = described(offerer);
            answererQueue.execute(() -> {
                try {
                    answerer.setRemoteDescription(offer).get(5, TimeUnit.SECONDS);
                    flush(answerer);
                    answerer.setLocalDescription().get(5, TimeUnit.SECONDS);
                    RTCSessionDescription answer = described(answerer);
                    offererQueue.execute(() -> {
                        try {
                            offerer.setRemoteDescription(answer).get(5, TimeUnit.SECONDS);
                            flush(offerer);
                            completed.incrementAndGet();
                        } catch (Exception e) {
                            error.compareAndSet(null, e);
                        }
                    });
                } catch (Exception e) {
                    error.compareAndSet(null, e);
                }
            });
        } catch (Exception e) {
            error.compareAndSet(null, e);
        }
    }

    /** The local description to send: at once with trickle, else once it holds every candidate. */
    private RTCSessionDescription described(RTCPeerConnection pc) throws Exception {
        if (!trickle) {
            pc.gatheringComplete().get(5, TimeUnit.SECONDS);
        }
        return pc.localDescription().orElseThrow();
    }

    private void candidate(RTCPeerConnection to, List<RTCIceCandidate> held, RTCIceCandidate c) {
        if (c == null) {
            return;
        }
        if (to.remoteDescription().isEmpty()) {
            held.add(c);
            return;
        }
        to.addIceCandidate(c);
    }

    private void flush(RTCPeerConnection pc) {
        List<RTCIceCandidate> held = pc == a ? heldForA : heldForB;
        held.forEach(pc::addIceCandidate);
        held.clear();
    }

    @Override
    public void close() {
        queueA.shutdownNow();
        queueB.shutdownNow();
    }
}
