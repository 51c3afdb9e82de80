package dev.jrtc.peerconnection.api;

import dev.jrtc.media.video.DecodePool;
import dev.jrtc.media.video.DecodeStats;
import dev.jrtc.media.video.DecodeStream;
import dev.jrtc.media.video.I420Frame;
import dev.jrtc.peerconnection.engine.RTCStats;
import dev.jrtc.peerconnection.engine.RTCStatsReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Decoding for the remote video tracks of one connection: a {@link DecodePool} made on first use
 * (no decoding, and no decode thread, unless a track has a decoded-frame handler), one stream per
 * track, PLI when a decoder needs a key frame, and the decoder counters in the {@code inbound-rtp}
 * stats. {@link #close()} stops the pool's threads.
 */
final class TrackDecoding implements AutoCloseable {
    private static final int THREADS = Integer.getInteger("jrtc.decode.threads", 1);
    private static final int QUEUE_PER_STREAM = 8;

    private final Consumer<String> requestKeyFrame;
    private final Map<String, DecodeStream> streams = new ConcurrentHashMap<>();
    private DecodePool pool;
    private boolean closed;

    /** @param requestKeyFrame sends a PLI on the transceiver with the given mid */
    TrackDecoding(Consumer<String> requestKeyFrame) {
        this.requestKeyFrame = requestKeyFrame;
    }

    /**
     * Opens the decoder of a track; its pictures go to {@code onFrame} on a decode thread. The
     * decoder itself is made off the caller's thread (the caller is usually the network loop, in
     * {@code ontrack}); frames submitted meanwhile wait for it.
     *
     * @throws IllegalArgumentException for a codec without a decoder
     */
    TrackDecoder open(String mid, String codec, Consumer<I420Frame> onFrame) {
        if (!codec.equalsIgnoreCase("VP8") && !codec.equalsIgnoreCase("H264")) {
            throw new IllegalArgumentException("no decoder for " + codec + " (VP8 and H264 decode)");
        }
        DecodePool p;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("InvalidStateError: the peer connection is closed");
            }
            if (pool == null) {
                pool = new DecodePool(THREADS, QUEUE_PER_STREAM);
            }
            p = pool;
        }
        TrackDecoder d = new TrackDecoder();
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            DecodeStream s = p.open(codec, onFrame, () -> requestKeyFrame.accept(mid));
            synchronized (this) {
                if (closed) {
                    s.close();
                    return;
                }
                DecodeStream old = streams.put(mid, s);
                if (old != null) {
                    old.close();
                }
            }
            d.opened(s);
        });
        return d;
    }

    /** A track's decoder: frames wait (bounded) until the stream is open, then go straight to it. */
    static final class TrackDecoder {
        private record Waiting(byte[] data, long rtpTimestamp, boolean keyFrame) {
        }

        private static final int MAX_WAITING = 64;
        private final List<Waiting> waiting = new ArrayList<>();
        private DecodeStream stream;

        synchronized void submit(byte[] data, long rtpTimestamp, boolean keyFrame) {
            if (stream != null) {
                stream.submit(data, rtpTimestamp, keyFrame);
            } else if (waiting.size() < MAX_WAITING) {
                waiting.add(new Waiting(data, rtpTimestamp, keyFrame));
            }
        }

        private synchronized void opened(DecodeStream s) {
            stream = s;
            for (Waiting w : waiting) {
                s.submit(w.data(), w.rtpTimestamp(), w.keyFrame());
            }
            waiting.clear();
        }
    }

    /** Closes a track's decoder (the track ended). */
    void end(String mid) {
        DecodeStream s = streams.remove(mid);
        if (s != null) {
            s.close();
        }
    }

    /** The report with framesDecoded, keyFramesDecoded, frameWidth and frameHeight added to decoded tracks' inbound-rtp. */
    RTCStatsReport addTo(RTCStatsReport report) {
        if (streams.isEmpty()) {
            return report;
        }
        List<RTCStats> out = new ArrayList<>();
        for (RTCStats s : report.asMap().values()) {
            DecodeStream d = "inbound-rtp".equals(s.type()) ? streams.get(String.valueOf(s.get("mid"))) : null;
            if (d == null) {
                out.add(s);
                continue;
            }
            DecodeStats ds = d.stats();
            Map<String, Object> m = new LinkedHashMap<>(s.members());
            m.put("framesDecoded", ds.framesDecoded());
            m.put("keyFramesDecoded", ds.keyFramesDecoded());
            m.put("framesDropped", ds.framesDropped());
            if (ds.width() > 0) {
                m.put("frameWidth", (long) ds.width());
                m.put("frameHeight", (long) ds.height());
            }
            out.add(new RTCStats(s.id(), s.type(), s.timestamp(), m));
        }
        return new RTCStatsReport(out);
    }

    @Override
    public synchronized void close() {
        closed = true;
        streams.values().forEach(DecodeStream::close);
        streams.clear();
        if (pool != null) {
            pool.close();
        }
    }
}
