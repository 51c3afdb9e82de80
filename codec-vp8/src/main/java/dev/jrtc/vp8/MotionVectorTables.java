package dev.jrtc.vp8;

/**
 * Motion vector entropy tables, transcribed from RFC 6386 section 17.2. Each component (row, then
 * column) has 19 probabilities: is-short, sign, 7 for the short tree and 10 for the long bits.
 */
final class MotionVectorTables {
    private MotionVectorTables() {}

    /** Probabilities per component. */
    static final int COUNT = 19;
    static final int IS_SHORT = 0;
    static final int SIGN = 1;
    static final int SHORT_TREE = 2;
    static final int LONG_BITS = 9;
    static final int LONG_WIDTH = 10;

    /** Tree for magnitudes 0..7 (RFC 6386 17.1); leaves are negated values. */
    static final int[] SMALL_TREE = {2, 8, 4, 6, -0, -1, -2, -3, 10, 12, -4, -5, -6, -7};

    /** Default probabilities [row 0..18, column 19..37], restored on key frames. */
    static final int[] DEFAULT_PROBS = {
        162, 128, 225, 146, 172, 147, 214,  39, 156, 128, 129, 132,  75, 145, 178, 206, 239, 254, 254,
        164, 128, 204, 170, 119, 235, 140, 230, 228, 128, 130, 130,  74, 148, 180, 203, 236, 254, 254,
    };

    /** Probabilities that each motion vector probability is updated (RFC 6386 17.2). */
    static final int[] UPDATE_PROBS = {
        237, 246, 253, 253, 254, 254, 254, 254, 254, 254, 254, 254, 254, 254, 250, 250, 252, 254, 254,
        231, 243, 245, 253, 254, 254, 254, 254, 254, 254, 254, 254, 254, 254, 251, 251, 254, 254, 254,
    };
}
