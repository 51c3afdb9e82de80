package dev.jrtc.sctp;

/**
 * How to create a data channel, as the W3C {@code RTCDataChannelInit}. At most one of
 * {@code maxRetransmits} and {@code maxPacketLifeTimeMillis} may be set; null means unset.
 *
 * @param label the channel's label
 * @param protocol the sub-protocol name
 * @param ordered whether messages arrive in order
 * @param maxRetransmits how often a message may be retransmitted, or null
 * @param maxPacketLifeTimeMillis how long (ms) a message may be (re)transmitted, or null
 * @param negotiated true if the application agrees the id out of band (no DCEP)
 * @param id the stream id; required when {@code negotiated}, otherwise null to pick one
 */
public record DataChannelInit(String label, String protocol, boolean ordered, Integer maxRetransmits,
        Integer maxPacketLifeTimeMillis, boolean negotiated, Integer id) {

    public DataChannelInit {
        if (label == null || protocol == null) {
            throw new IllegalArgumentException("label and protocol must not be null");
        }
        if (maxRetransmits != null && maxPacketLifeTimeMillis != null) {
            throw new IllegalArgumentException("maxRetransmits and maxPacketLifeTime are mutually exclusive");
        }
        if ((maxRetransmits != null && maxRetransmits < 0) || (maxPacketLifeTimeMillis != null && maxPacketLifeTimeMillis < 0)) {
            throw new IllegalArgumentException("negative reliability limit");
        }
        if (negotiated && id == null) {
            throw new IllegalArgumentException("a negotiated channel needs an id");
        }
        if (id != null && (id < 0 || id > 65534)) {
            throw new IllegalArgumentException("id out of range: " + id);
        }
    }

    /** A reliable, ordered channel with an empty protocol. */
    public static DataChannelInit reliable(String label) {
        return new DataChannelInit(label, "", true, null, null, false, null);
    }

    public DataChannelInit withOrdered(boolean o) {
        return new DataChannelInit(label, protocol, o, maxRetransmits, maxPacketLifeTimeMillis, negotiated, id);
    }

    public DataChannelInit withMaxRetransmits(int n) {
        return new DataChannelInit(label, protocol, ordered, n, null, negotiated, id);
    }

    public DataChannelInit withMaxPacketLifeTime(int millis) {
        return new DataChannelInit(label, protocol, ordered, null, millis, negotiated, id);
    }

    public DataChannelInit withProtocol(String p) {
        return new DataChannelInit(label, p, ordered, maxRetransmits, maxPacketLifeTimeMillis, negotiated, id);
    }

    /** Pre-negotiated on stream {@code streamId} (W3C {@code negotiated: true, id}). */
    public DataChannelInit negotiatedOn(int streamId) {
        return new DataChannelInit(label, protocol, ordered, maxRetransmits, maxPacketLifeTimeMillis, true, streamId);
    }
}
