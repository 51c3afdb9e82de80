package dev.jrtc.sdp.jsep;

/**
 * What we announce for data channels (RFC 8841): {@code a=sctp-port} and {@code a=max-message-size}.
 *
 * @param sctpPort       the SCTP port, 5000 in every browser
 * @param maxMessageSize the largest message we accept, in bytes; 0 means no limit
 */
public record DataChannelCapability(int sctpPort, long maxMessageSize) {
    /** Port 5000 and 256 KiB, as Chromium announces. */
    public static final DataChannelCapability DEFAULT = new DataChannelCapability(5000, 262144);

    /** Validates. */
    public DataChannelCapability {
        if (sctpPort < 1 || sctpPort > 65535 || maxMessageSize < 0) {
            throw new IllegalArgumentException("bad data channel capability");
        }
    }
}
