package dev.jrtc.ice;

/** The priority formulas of RFC 8445 sections 5.1.2 and 6.1.2.3. */
public final class Priorities {
    private Priorities() {
    }

    /** (2^24)*type preference + (2^8)*local preference + (256 - component). */
    public static long candidate(CandidateType type, int localPreference, int component) {
        return ((long) type.typePreference() << 24) + ((long) (localPreference & 0xFFFF) << 8) + (256 - component);
    }

    /** 2^32*MIN(G,D) + 2*MAX(G,D) + (G>D?1:0), G being the controlling side's candidate priority. */
    public static long pair(long controlling, long controlled) {
        return (Math.min(controlling, controlled) << 32) + 2 * Math.max(controlling, controlled)
                + (controlling > controlled ? 1 : 0);
    }
}
