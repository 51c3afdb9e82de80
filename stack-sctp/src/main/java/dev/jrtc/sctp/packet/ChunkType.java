package dev.jrtc.sctp.packet;

/** Chunk type codes (RFC 9260 §3.2, RFC 3758, RFC 6525, RFC 8260). */
public final class ChunkType {
    public static final int DATA = 0;
    public static final int INIT = 1;
    public static final int INIT_ACK = 2;
    public static final int SACK = 3;
    public static final int HEARTBEAT = 4;
    public static final int HEARTBEAT_ACK = 5;
    public static final int ABORT = 6;
    public static final int SHUTDOWN = 7;
    public static final int SHUTDOWN_ACK = 8;
    public static final int ERROR = 9;
    public static final int COOKIE_ECHO = 10;
    public static final int COOKIE_ACK = 11;
    public static final int SHUTDOWN_COMPLETE = 14;
    public static final int I_DATA = 64;
    public static final int RE_CONFIG = 130;
    public static final int FORWARD_TSN = 192;
    public static final int I_FORWARD_TSN = 194;

    private ChunkType() {
    }

    /**
     * What to do with a chunk type this endpoint does not know, from its two high bits (RFC 9260
     * §3.2): {@code 00} and {@code 01} stop processing the packet, {@code 10} and {@code 11} skip the
     * chunk. (Reporting, for {@code 01} and {@code 11}, is optional in practice and not done.)
     */
    public static boolean skipIfUnknown(int type) {
        return (type & 0x80) != 0;
    }
}
