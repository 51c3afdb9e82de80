package dev.jrtc.interop.pc;

import dev.jrtc.media.source.EncodedMediaFrame;
import dev.jrtc.peerconnection.api.RTCRtpTransceiver;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sends encoded frames from a source (a looped {@link VideoClip}, media's {@code TestPatternSource}
 * or {@code ToneSource}) on a jrtc transceiver at a fixed pace, as a camera or microphone would.
 * The source's RTP timestamps are used as they are.
 */
final class PacedSender implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    private PacedSender(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /**
     * Starts sending now, one frame every {@code periodMicros}. Until the connection takes frames
     * (SRTP is up) each refusal is counted and the same frame is offered again, so the peer's
     * first frame is the source's first (a key frame).
     */
    static PacedSender start(RTCRtpTransceiver transceiver, Supplier<EncodedMediaFrame> source, long periodMicros) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "paced-sender");
            t.setDaemon(true);
            return t;
        });
        PacedSender sender = new PacedSender(timer);
        EncodedMediaFrame[] pending = new EncodedMediaFrame[1]; // only the timer thread touches it
        timer.scheduleAtFixedRate(() -> {
            if (pending[0] == null) {
                pending[0] = source.get();
            }
            boolean ok;
            try {
                ok = transceiver.sendFrame(pending[0].data(), pending[0].rtpTimestamp()).get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                ok = false;
            }
            if (ok) {
                sender.accepted.incrementAndGet();
                pending[0] = null;
            } else {
                sender.refused.incrementAndGet();
            }
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        return sender;
    }

    /** Frames the connection took. */
    long framesSent() {
        return accepted.get();
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
