package dev.jrtc.demo.session;

import dev.jrtc.media.source.EncodedMediaFrame;
import dev.jrtc.media.source.TestPatternSource;
import dev.jrtc.media.source.ToneSource;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCRtpTransceiver;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the test pattern (H.264, frame counter and time drawn in) and a 440 Hz Opus tone once the
 * connection is up: WHEP playback and the page's receive mode. Encoding runs on its own thread;
 * a PLI from the peer makes the next frame a key frame.
 */
public final class TestPatternPlayback implements SessionMedia.Playback {
    private static final Logger LOG = LoggerFactory.getLogger("dev.jrtc.demo.session");
    /** Modest, because a 2-core machine encodes H.264 in Java here. */
    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    static final int FPS = 15;
    private static final double TONE_HZ = 440;

    private final String sessionId;
    private final RTCRtpTransceiver video;
    private final Optional<RTCRtpTransceiver> audio;
    private final TestPatternSource pattern = new TestPatternSource(WIDTH, HEIGHT, FPS);
    private final ToneSource tone = new ToneSource(TONE_HZ);
    private ScheduledExecutorService sender;

    /**
     * @param video the sendonly video transceiver
     * @param audio the sendonly audio transceiver, if the peer wants audio
     */
    TestPatternPlayback(String sessionId, RTCRtpTransceiver video, Optional<RTCRtpTransceiver> audio) {
        this.sessionId = sessionId;
        this.video = video;
        this.audio = audio;
        video.onkeyframerequest(pattern::requestKeyFrame);
    }

    @Override
    public synchronized void start(RTCPeerConnection pc) {
        if (sender != null) {
            return;
        }
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-playback-" + sessionId);
            t.setDaemon(true);
            return t;
        });
        LOG.info("session {}: sending the test pattern ({}x{} H.264 at {} fps) and a {} Hz Opus tone", sessionId,
                WIDTH, HEIGHT, FPS, (int) TONE_HZ);
        sender.scheduleAtFixedRate(() -> send(video, pattern::next), 0, 1000 / FPS, TimeUnit.MILLISECONDS);
        audio.filter(a -> a.mid().isPresent()).ifPresent(a ->
                sender.scheduleAtFixedRate(() -> send(a, tone::next), 0, tone.packetMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public String videoCodec() {
        return "H264";
    }

    @Override
    public java.awt.Dimension videoSize() {
        return new java.awt.Dimension(WIDTH, HEIGHT);
    }

    @Override
    public String audioCodec() {
        return "opus";
    }

    @Override
    public synchronized void close() {
        if (sender != null) {
            sender.shutdownNow();
        }
    }

    private void send(RTCRtpTransceiver t, java.util.function.Supplier<EncodedMediaFrame> source) {
        try {
            EncodedMediaFrame f = source.get();
            t.sendFrame(f.data(), f.rtpTimestamp());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and go on with the next frame.
            LOG.warn("session {}: a {} frame was not sent: {}", sessionId, t.kind(), e.toString());
        } catch (Error e) {
            LOG.error("session {}: sending {} stopped", sessionId, t.kind(), e);
            throw e;
        }
    }
}
