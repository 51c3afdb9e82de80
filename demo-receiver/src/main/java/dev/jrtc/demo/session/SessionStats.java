package dev.jrtc.demo.session;

import dev.jrtc.peerconnection.engine.RTCStats;
import dev.jrtc.peerconnection.engine.RTCStatsReport;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A session's statistics, sampled once a second: the connection's W3C stats and the rates the
 * demo derives from them (video bitrate, frames per second).
 */
public final class SessionStats {
    /**
     * One sample.
     *
     * @param bitrateKbps video bitrate over the last second, received or sent
     * @param framesPerSecond video frames decoded (or sent) over the last second
     * @param report the connection's stats, once it answered
     */
    public record Sample(double bitrateKbps, double framesPerSecond, Optional<RTCStatsReport> report) {
        /** An empty sample. */
        public static Sample none() {
            return new Sample(0, 0, Optional.empty());
        }

        /** The {@code inbound-rtp} (or {@code outbound-rtp}) object of audio or video. */
        public Optional<RTCStats> rtp(String type, String kind) {
            return report.flatMap(r -> r.ofType(type).stream().filter(s -> kind.equals(s.get("kind"))).findFirst());
        }
    }

    private final Session session;
    private long lastNanos = System.nanoTime();
    private long lastBytes;
    private long lastFrames;
    private volatile Sample latest = Sample.none();

    SessionStats(Session session) {
        this.session = session;
    }

    /** The latest sample. */
    public Sample latest() {
        return latest;
    }

    /** Takes a sample (on the registry's timer thread). */
    void sample() {
        Optional<RTCStatsReport> report = latest.report();
        try {
            report = Optional.of(session.peerConnection().getStats().get(500, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closed or busy: keep the last report
        }
        Sample probe = new Sample(0, 0, report);
        boolean ingest = session.via().ingest();
        long bytes = probe.rtp(ingest ? "inbound-rtp" : "outbound-rtp", "video")
                .map(s -> s.getLong(ingest ? "bytesReceived" : "bytesSent", 0)).orElse(0L);
        long frames = ingest ? session.video().map(v -> v.stats().framesDecoded()).orElse(0L)
                : probe.rtp("outbound-rtp", "video").map(s -> s.getLong("framesSent", 0)).orElse(0L);
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        double kbps = Math.max(0, bytes - lastBytes) * 8 / 1000.0 / seconds;
        double fps = Math.max(0, frames - lastFrames) / seconds;
        lastNanos = now;
        lastBytes = bytes;
        lastFrames = frames;
        latest = new Sample(kbps, fps, report);
    }
}
