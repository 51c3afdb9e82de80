package dev.jrtc.rtp.ext;

/** The header extensions this stack understands, by their SDP {@code extmap} URI. */
public enum ExtensionType {
    /** RFC 8843 / RFC 9143: the media section's MID, as text. */
    MID("urn:ietf:params:rtp-hdrext:sdes:mid"),
    /** RFC 8852: the RTP stream id (simulcast layer name), as text. */
    RID("urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"),
    /** RFC 8852: the RID of the stream a redundancy (RTX) stream repairs. */
    REPAIRED_RID("urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id"),
    /** 24-bit 6.18 fixed-point seconds of the send time. */
    ABS_SEND_TIME("http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"),
    /** draft-holmer-rmcat-transport-wide-cc-extensions-01: a 16-bit sequence number across all streams. */
    TRANSPORT_SEQUENCE_NUMBER("http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"),
    /** RFC 6464: voice activity and level in -dBov. */
    AUDIO_LEVEL("urn:ietf:params:rtp-hdrext:ssrc-audio-level"),
    /** 3GPP TS 26.114 coordination of video orientation. */
    VIDEO_ORIENTATION("urn:3gpp:video-orientation"),
    /** The sender's wish for the receiver's playout delay, in 10 ms units. */
    PLAYOUT_DELAY("http://www.webrtc.org/experiments/rtp-hdrext/playout-delay");

    private final String uri;

    ExtensionType(String uri) {
        this.uri = uri;
    }

    /** The URI that names this extension in an {@code a=extmap} line. */
    public String uri() {
        return uri;
    }

    /** The type with this URI, or {@code null} for one this stack does not know. */
    public static ExtensionType fromUri(String uri) {
        for (ExtensionType t : values()) {
            if (t.uri.equals(uri)) {
                return t;
            }
        }
        return null;
    }
}
