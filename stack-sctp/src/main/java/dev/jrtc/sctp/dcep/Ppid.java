package dev.jrtc.sctp.dcep;

/** Payload protocol identifiers of WebRTC data channels (RFC 8831 §8, RFC 8832 §8.1). */
public final class Ppid {
    /** DCEP control messages. */
    public static final long DCEP = 50;
    public static final long STRING = 51;
    /** Deprecated (RFC 8831 §6.6); not sent, and dropped on receive. */
    public static final long BINARY_PARTIAL = 52;
    public static final long BINARY = 53;
    /** Deprecated (RFC 8831 §6.6); not sent, and dropped on receive. */
    public static final long STRING_PARTIAL = 54;
    /** An empty string: the payload is one zero byte, ignored. */
    public static final long STRING_EMPTY = 56;
    /** An empty binary message: the payload is one zero byte, ignored. */
    public static final long BINARY_EMPTY = 57;

    private Ppid() {
    }
}
