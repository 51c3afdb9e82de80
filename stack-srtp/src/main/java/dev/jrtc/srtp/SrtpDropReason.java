package dev.jrtc.srtp;

/**
 * Why unprotect refused a packet. Unprotect never throws for bad network input: it returns a
 * negative result, {@link #code()}, and counts the drop in {@link SrtpStats}.
 */
public enum SrtpDropReason {
    /** Shorter than the smallest valid packet of the profile. */
    TOO_SHORT,
    /** Not RTP/RTCP version 2, or the header (CSRCs, extension) runs past the packet. */
    MALFORMED,
    /** The authentication tag did not verify: forged, corrupted, or the wrong key. */
    AUTH_FAILED,
    /** The packet index was already received. */
    REPLAYED,
    /** The packet index is older than the replay window reaches. */
    TOO_OLD,
    /** A new SSRC arrived but the session already keeps {@link SrtpConfig#maxStreams()} streams. */
    STREAM_LIMIT,
    /** The rollover counter would pass 2^32-1: the key must be replaced. */
    INDEX_EXHAUSTED;

    private static final SrtpDropReason[] VALUES = values();

    /** The negative value unprotect returns for this reason. */
    public int code() {
        return -1 - ordinal();
    }

    /**
     * The reason behind a result of unprotect.
     *
     * @param result a negative value returned by unprotect
     * @throws IllegalArgumentException if {@code result} is not a drop code (a length is not)
     */
    public static SrtpDropReason fromCode(int result) {
        int i = -1 - result;
        if (i < 0 || i >= VALUES.length) {
            throw new IllegalArgumentException("not an SRTP drop code: " + result);
        }
        return VALUES[i];
    }
}
