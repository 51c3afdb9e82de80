package dev.jrtc.sctp.dcep;

/** The Channel Type of DATA_CHANNEL_OPEN (RFC 8832 §5.1); the high bit means unordered. */
public enum ChannelType {
    RELIABLE(0x00),
    RELIABLE_UNORDERED(0x80),
    PARTIAL_RELIABLE_REXMIT(0x01),
    PARTIAL_RELIABLE_REXMIT_UNORDERED(0x81),
    PARTIAL_RELIABLE_TIMED(0x02),
    PARTIAL_RELIABLE_TIMED_UNORDERED(0x82);

    private final int code;

    ChannelType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean ordered() {
        return (code & 0x80) == 0;
    }

    /** Limited by a retransmission count. */
    public boolean limitsRetransmits() {
        return (code & 0x7F) == 0x01;
    }

    /** Limited by a lifetime in milliseconds. */
    public boolean limitsLifetime() {
        return (code & 0x7F) == 0x02;
    }

    /** The type for a channel's settings. */
    public static ChannelType of(boolean ordered, boolean retransmitLimited, boolean lifetimeLimited) {
        int base = retransmitLimited ? 0x01 : lifetimeLimited ? 0x02 : 0x00;
        return fromCode(base | (ordered ? 0 : 0x80));
    }

    /** The type with this code, or null if none. */
    public static ChannelType fromCode(int code) {
        for (ChannelType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
