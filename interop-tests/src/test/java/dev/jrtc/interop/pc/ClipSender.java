package dev.jrtc.interop.pc;

import dev.jrtc.peerconnection.api.RTCRtpTransceiver;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a {@link VideoClip} on a jrtc transceiver in a loop at a fixed frame rate, as a camera
 * would: the RTP timestamp advances by 90000 / fps per frame and keeps rising across loops (the
 * clip restarts at a key frame, so decoders never see a broken reference).
 */
final class ClipSender implements AutoCloseable {
    private static final int CLOCK_RATE = 90_000;

    private final ScheduledExecutorService timer;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    private ClipSender(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * Starts sending now. Until the connection takes frames (SRTP is up) each refusal is counted and
     * the clip stays at its first frame, so the peer's first frame is a key frame.
     */
    static ClipSender start(RTCRtpTransceiver transceiver, VideoClip clip, int fps) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clip-sender");
            t.setDaemon(true);
            return t;
        });
        ClipSender sender = new ClipSender(timer);
        long firstTimestamp = 1234;
        AtomicLong index = new AtomicLong();
        timer.scheduleAtFixedRate(() -> {
            long i = index.get();
            byte[] frame = clip.frames().get((int) (i % clip.frames().size()));
            long rtpTimestamp = (firstTimestamp + i * CLOCK_RATE / fps) & 0xFFFF_FFFFL;
            boolean ok;
            try {
                ok = transceiver.sendFrame(frame, rtpTimestamp).get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                ok = false;
            }
            if (ok) {
                sender.accepted.incrementAndGet();
                index.incrementAndGet();
            } else {
                // Until the connection takes frames, stay on the first (key) frame.
                sender.refused.incrementAndGet();
            }
        }, 0, 1_000_000L / fps, TimeUnit.MICROSECONDS);
        return sender;
    }

    /** Frames the connection took. */
    long framesSent() {
        return accepted.get();
    }

    /** Frames the connection refused (sent before it was up, or failed). */
    long framesRefused() {
        return refused.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    @Override
    public String toString() {
        return "sent " + accepted.get() + " frames, " + refused.get() + " refused";
    }
}
