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

    /** Opens the decoder of a track; its pictures go to {@code onFrame} on a decode thread. */
    synchronized DecodeStream open(String mid, String codec, Consumer<I420Frame> onFrame) {
        if (closed) {
            throw new IllegalStateException("InvalidStateError: the peer connection is closed");
        }
        if (pool == null) {
            pool = new DecodePool(THREADS, QUEUE_PER_STREAM);
        }
        DecodeStream s = pool.open(codec, onFrame, () -> requestKeyFrame.accept(mid));
        DecodeStream old = streams.put(mid, s);
        if (old != null) {
            old.close();
        }
        return s;
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
