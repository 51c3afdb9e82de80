package dev.jrtc.peerconnection.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@code getStats()}: W3C stats objects keyed by id (the W3C {@code RTCStatsReport}
 * maplike). Immutable.
 */
public final class RTCStatsReport {
    private final Map<String, RTCStats> byId;

    /**
     * @throws IllegalArgumentException if two objects share an id
     */
    public RTCStatsReport(List<RTCStats> stats) {
        Map<String, RTCStats> m = new LinkedHashMap<>();
        for (RTCStats s : stats) {
            if (m.put(s.id(), s) != null) {
                throw new IllegalArgumentException("duplicate stats id " + s.id());
            }
        }
        this.byId = Collections.unmodifiableMap(m);
    }

    /** Every object by id, in the order they were collected. */
    public Map<String, RTCStats> asMap() {
        return byId;
    }

    /** The objects of one W3C type, e.g. {@code "inbound-rtp"}. */
    public List<RTCStats> ofType(String type) {
        List<RTCStats> out = new ArrayList<>();
        for (RTCStats s : byId.values()) {
            if (s.type().equals(type)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The object with this id. */
    public Optional<RTCStats> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The whole report as one JSON object keyed by id, each value shaped like a browser's stats object. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        byId.forEach((id, s) -> m.put(id, s.flat()));
        StringBuilder sb = new StringBuilder();
        Json.write(sb, m);
        return sb.toString();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
