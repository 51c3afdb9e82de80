package dev.jrtc.sdp;

import java.util.Optional;

/**
 * The media direction attributes {@code a=sendrecv}, {@code a=sendonly}, {@code a=recvonly} and
 * {@code a=inactive} (RFC 8866 section 6.7), always seen from the side that wrote the SDP.
 */
public enum Direction implements AttributeValue {
    /** Sends and receives. */
    SENDRECV("sendrecv", true, true),
    /** Sends only. */
    SENDONLY("sendonly", true, false),
    /** Receives only. */
    RECVONLY("recvonly", false, true),
    /** Neither. */
    INACTIVE("inactive", false, false);

    private final String token;
    private final boolean sends;
    private final boolean receives;

    Direction(String token, boolean sends, boolean receives) {
        this.token = token;
        this.sends = sends;
        this.receives = receives;
    }

    /** The direction for the given pair of wishes. */
    public static Direction of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }

    /** The direction named by an attribute name, if it is one. */
    public static Optional<Direction> fromName(String name) {
        for (Direction d : values()) {
            if (d.token.equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The attribute name, e.g. {@code sendonly}. */
    public String token() {
        return token;
    }

    /** True for sendrecv and sendonly. */
    public boolean sends() {
        return sends;
    }

    /** True for sendrecv and recvonly. */
    public boolean receives() {
        return receives;
    }

    /** The same stream seen from the other side: sendonly and recvonly swap. */
    public Direction reverse() {
        return of(receives, sends);
    }

    /** What both this and {@code other} allow. */
    public Direction intersect(Direction other) {
        return of(sends && other.sends, receives && other.receives);
    }

    @Override
    public String attributeName() {
        return token;
    }

    @Override
    public String attributeValue() {
        return null;
    }
}
