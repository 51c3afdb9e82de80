package dev.jrtc.demo.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jrtc.demo.session.Session;
import dev.jrtc.demo.session.SessionRegistry;
import dev.jrtc.demo.session.SessionStats;
import dev.jrtc.demo.video.VideoDecoding;
import dev.jrtc.media.video.DecodeStats;
import dev.jrtc.media.video.I420Frame;
import dev.jrtc.peerconnection.engine.ConnectionReport;
import dev.jrtc.peerconnection.engine.RTCStats;
import dev.jrtc.peerconnection.engine.RTCStatsReport;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A session as {@code GET /api/sessions} and the page's statistics show it: id, connection state,
 * video and audio counters, the candidate pair, the round-trip time, and the connection report
 * (null while all is well).
 */
final class SessionJson {
    private final ObjectMapper json;
    private final SessionRegistry registry;

    SessionJson(ObjectMapper json, SessionRegistry registry) {
        this.json = json;
        this.registry = registry;
    }

    /** Every live session. */
    ArrayNode all() {
        ArrayNode a = json.createArrayNode();
        registry.listWithRecentFailures().forEach(s -> a.add(of(s)));
        return a;
    }

    /** One session. */
    ObjectNode of(Session s) {
        SessionStats.Sample sample = registry.stats(s.id()).map(SessionStats::latest).orElse(SessionStats.Sample.none());
        ObjectNode o = json.createObjectNode();
        o.put("id", s.id());
        o.put("via", s.via().token());
        o.put("direction", s.via().ingest() ? "receiving" : "sending");
        o.put("connectionState", s.connectionState().name().toLowerCase(Locale.ROOT));
        s.endReason().ifPresent(r -> o.put("ended", r));
        o.put("startedAt", s.started().toString());
        o.set("video", video(s, sample));
        o.set("audio", audio(s, sample));
        o.set("iceCandidatePair", sample.report().flatMap(SessionJson::candidatePair).map(o::textNode)
                .map(JsonNode.class::cast).orElse(NullNode.getInstance()));
        Optional<Double> rtt = sample.report().flatMap(SessionJson::roundTripTime);
        if (rtt.isPresent()) {
            o.put("roundTripTimeMs", Math.round(rtt.get() * 10000) / 10.0);
        } else {
            o.putNull("roundTripTimeMs");
        }
        o.set("report", report(s));
        ArrayNode files = o.putArray("recording");
        for (Path p : s.media().recordedFiles()) {
            files.add(p.toString());
        }
        return o;
    }

    private ObjectNode video(Session s, SessionStats.Sample sample) {
        ObjectNode v = json.createObjectNode();
        putOrNull(v, "codec", s.videoCodec());
        Optional<VideoDecoding> d = s.video();
        Optional<I420Frame> p = d.flatMap(VideoDecoding::latest);
        Optional<DecodeStats> ds = d.map(VideoDecoding::stats);
        Optional<java.awt.Dimension> sent = s.media().sentVideoSize();
        if (p.isPresent()) {
            v.put("width", p.get().width());
            v.put("height", p.get().height());
        } else if (sent.isPresent()) {
            v.put("width", sent.get().width);
            v.put("height", sent.get().height);
        } else {
            v.putNull("width");
            v.putNull("height");
        }
        Optional<RTCStats> in = sample.rtp("inbound-rtp", "video");
        Optional<RTCStats> out = sample.rtp("outbound-rtp", "video");
        v.put("framesReceived", s.videoFramesReceived());
        v.put("framesDecoded", ds.map(DecodeStats::framesDecoded).orElse(0L));
        v.put("keyFramesDecoded", ds.map(DecodeStats::keyFramesDecoded).orElse(0L));
        v.put("framesDropped", ds.map(DecodeStats::framesDropped).orElse(0L));
        v.put("decodeErrors", ds.map(DecodeStats::decodeErrors).orElse(0L));
        v.put("packetsReceived", in.map(x -> x.getLong("packetsReceived", 0)).orElse(0L));
        v.put("packetsLost", in.map(x -> x.getLong("packetsLost", 0)).orElse(0L));
        // Receiving: NACKs and PLIs we sent. Sending: those the peer sent us.
        Optional<RTCStats> rtp = s.via().ingest() ? in : out;
        v.put("nackCount", rtp.map(x -> x.getLong("nackCount", 0)).orElse(0L));
        v.put("pliCount", rtp.map(x -> x.getLong("pliCount", 0)).orElse(0L));
        v.put("jitterMs", in.map(x -> Math.round(x.getDouble("jitter", 0) * 10000) / 10.0).orElse(0.0));
        v.put("bitrateKbps", Math.round(sample.bitrateKbps() * 10) / 10.0);
        v.put("framesPerSecond", Math.round(sample.framesPerSecond() * 10) / 10.0);
        if (!s.via().ingest()) {
            v.put("framesSent", out.map(x -> x.getLong("framesSent", 0)).orElse(0L));
        }
        return v;
    }

    private ObjectNode audio(Session s, SessionStats.Sample sample) {
        ObjectNode a = json.createObjectNode();
        putOrNull(a, "codec", s.audioCodec());
        Optional<RTCStats> in = sample.rtp("inbound-rtp", "audio");
        a.put("packetsReceived", in.map(x -> x.getLong("packetsReceived", 0)).orElse(s.audioFramesReceived()));
        a.put("packetsLost", in.map(x -> x.getLong("packetsLost", 0)).orElse(0L));
        if (!s.via().ingest()) {
            a.put("packetsSent", sample.rtp("outbound-rtp", "audio").map(x -> x.getLong("packetsSent", 0)).orElse(0L));
        }
        return a;
    }

    private JsonNode report(Session s) {
        Optional<ConnectionReport> report = s.peerConnection().connectionReport();
        if (report.isEmpty()) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(report.get().toJson());
        } catch (JsonProcessingException e) {
            ObjectNode r = json.createObjectNode();
            r.put("explanation", report.get().explanation());
            return r;
        }
    }

    /** "local ip:port (type) <-> remote ip:port (type), protocol" of the selected pair. */
    static Optional<String> candidatePair(RTCStatsReport r) {
        return selectedPair(r).map(pair -> {
            Optional<RTCStats> local = r.get(String.valueOf(pair.get("localCandidateId")));
            Optional<RTCStats> remote = r.get(String.valueOf(pair.get("remoteCandidateId")));
            return describe(local) + " <-> " + describe(remote)
                    + local.map(l -> ", " + l.get("protocol")).orElse("");
        });
    }

    static Optional<Double> roundTripTime(RTCStatsReport r) {
        Optional<Double> pairRtt = selectedPair(r).map(p -> p.get("currentRoundTripTime"))
                .filter(Number.class::isInstance).map(n -> ((Number) n).doubleValue());
        if (pairRtt.isPresent()) {
            return pairRtt;
        }
        return r.ofType("remote-inbound-rtp").stream().map(s -> s.get("roundTripTime"))
                .filter(Number.class::isInstance).map(n -> ((Number) n).doubleValue()).findFirst();
    }

    private static Optional<RTCStats> selectedPair(RTCStatsReport r) {
        return r.ofType("transport").stream().map(t -> t.get("selectedCandidatePairId"))
                .filter(id -> id != null).findFirst().flatMap(id -> r.get(id.toString()));
    }

    private static String describe(Optional<RTCStats> candidate) {
        return candidate.map(c -> c.get("address") + ":" + c.get("port") + " (" + c.get("candidateType") + ")")
                .orElse("?");
    }

    private static void putOrNull(ObjectNode o, String field, Optional<String> value) {
        if (value.isPresent()) {
            o.put(field, value.get());
        } else {
            o.putNull(field);
        }
    }
}
