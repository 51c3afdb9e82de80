package dev.jrtc.peerconnection.api;

/**
 * How to create a data channel, as the W3C {@code RTCDataChannelInit}. Null means unset; at most
 * one of {@code maxPacketLifeTime} and {@code maxRetransmits} may be set.
 *
 * @param ordered whether messages arrive in order (default true)
 * @param maxPacketLifeTime how long (ms) a message may be (re)transmitted, or null
 * @param maxRetransmits how often a message may be retransmitted, or null
 * @param protocol the sub-protocol name ("" by default)
 * @param negotiated true if the application agrees the id out of band (no DCEP)
 * @param id the stream id; required when {@code negotiated}
 */
public record RTCDataChannelInit(boolean ordered, Integer maxPacketLifeTime, Integer maxRetransmits, String protocol,
        boolean negotiated, Integer id) {

    /** Checks. */
    public RTCDataChannelInit {
        protocol = protocol == null ? "" : protocol;
    }

    /** Reliable and ordered, with an in-band (DCEP) open. */
    public static RTCDataChannelInit defaults() {
        return new RTCDataChannelInit(true, null, null, "", false, null);
    }

    /** Pre-negotiated on stream {@code streamId} ({@code negotiated: true, id}). */
    public static RTCDataChannelInit negotiated(int streamId) {
        return new RTCDataChannelInit(true, null, null, "", true, streamId);
    }

    /** With {@code ordered} changed. */
    public RTCDataChannelInit withOrdered(boolean o) {
        return new RTCDataChannelInit(o, maxPacketLifeTime, maxRetransmits, protocol, negotiated, id);
    }

    /** With a retransmission limit. */
    public RTCDataChannelInit withMaxRetransmits(int n) {
        return new RTCDataChannelInit(ordered, null, n, protocol, negotiated, id);
    }

    /** With a lifetime limit in ms. */
    public RTCDataChannelInit withMaxPacketLifeTime(int millis) {
        return new RTCDataChannelInit(ordered, millis, null, protocol, negotiated, id);
    }

    /** With a sub-protocol. */
    public RTCDataChannelInit withProtocol(String p) {
        return new RTCDataChannelInit(ordered, maxPacketLifeTime, maxRetransmits, p, negotiated, id);
    }
}
