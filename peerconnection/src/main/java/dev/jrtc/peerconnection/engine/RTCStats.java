package dev.jrtc.peerconnection.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One W3C stats object (webrtc-stats): an id unique within its report, a type such as
 * {@code "inbound-rtp"} or {@code "candidate-pair"}, a timestamp, and the type's members under
 * their standard names ({@code packetsReceived}, {@code currentRoundTripTime}, ...). Member values
 * are {@link String}, {@link Long}, {@link Double} or {@link Boolean}; a member the stack cannot
 * know yet is absent rather than zero.
 *
 * @param id the object's id; other objects refer to it (e.g. {@code transportId}, {@code codecId})
 * @param type the W3C {@code RTCStatsType}
 * @param timestamp milliseconds since the Unix epoch, as the W3C {@code DOMHighResTimeStamp}
 * @param members the type's members, in a stable order
 */
public record RTCStats(String id, String type, double timestamp, Map<String, Object> members) {

    /** Checks and copies (keeping the order). */
    public RTCStats {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** The value of a member, or null when the object has no such member. */
    public Object get(String member) {
        return members.get(member);
    }

    /** A numeric member as a long, or {@code fallback} when it is absent or not a number. */
    public long getLong(String member, long fallback) {
        return members.get(member) instanceof Number n ? n.longValue() : fallback;
    }

    /** A numeric member as a double, or {@code fallback} when it is absent or not a number. */
    public double getDouble(String member, double fallback) {
        return members.get(member) instanceof Number n ? n.doubleValue() : fallback;
    }

    /** This object as JSON, with {@code id}, {@code type} and {@code timestamp} first, as browsers print it. */
    public String toJson() {
        StringBuilder sb = new StringBuilder();
        Json.write(sb, flat());
        return sb.toString();
    }

    Map<String, Object> flat() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", type);
        m.put("timestamp", timestamp);
        m.putAll(members);
        return m;
    }
}
