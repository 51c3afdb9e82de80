package dev.jrtc.rtp;

/** Why a packet or frame was dropped; see {@link DropCounters}. */
public enum DropReason {
    /** The RTP header could not be parsed. */
    MALFORMED_RTP,
    /** The RTCP compound packet could not be parsed. */
    MALFORMED_RTCP,
    /** An RTX packet without an original sequence number, or for an unknown payload type. */
    MALFORMED_RTX,
    /** The payload was not valid for its codec. */
    MALFORMED_PAYLOAD,
    /** The same sequence number arrived twice. */
    DUPLICATE,
    /** The packet arrived after its frame had been released or given up. */
    TOO_LATE,
    /** The packet was too far ahead of the buffer to keep. */
    TOO_FAR_AHEAD,
    /** A packet with a payload type or SSRC this receiver was not configured for. */
    UNKNOWN_STREAM,
    /** A packet from a new SSRC while the router's bounded SSRC table was full of active ones. */
    SSRC_TABLE_FULL,
    /** A frame that could not be completed in time. */
    INCOMPLETE_FRAME,
    /** A delta frame that followed a lost frame, so it cannot be decoded until the next key frame. */
    UNDECODABLE_FRAME,
    /** Feedback of a kind the peer did not negotiate for the stream (a NACK without {@code rtcp-fb nack}). */
    UNNEGOTIATED_FEEDBACK
}
