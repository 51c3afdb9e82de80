package dev.jrtc.sctp.dcep;

/** A Data Channel Establishment Protocol message (RFC 8832 §5). */
public sealed interface DcepMessage {
    int TYPE_ACK = 0x02;
    int TYPE_OPEN = 0x03;

    /**
     * DATA_CHANNEL_OPEN (RFC 8832 §5.1).
     *
     * @param reliabilityParameter retransmissions (REXMIT types) or lifetime in ms (TIMED types)
     */
    record Open(ChannelType channelType, int priority, long reliabilityParameter, String label, String protocol)
            implements DcepMessage {
    }

    /** DATA_CHANNEL_ACK (RFC 8832 §5.2). */
    record Ack() implements DcepMessage {
    }
}
