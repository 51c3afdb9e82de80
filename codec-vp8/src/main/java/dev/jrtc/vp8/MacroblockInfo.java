package dev.jrtc.vp8;

/**
 * What the first partition says about each macroblock of the current frame, stored as parallel
 * arrays indexed by {@code row * cols + col} (subblock arrays by {@code mb * 16 + b}). Only the
 * segment ids outlive a frame: a frame that does not update the segment map keeps the previous
 * one (RFC 6386 9.3).
 *
 * <p>Motion vectors are packed into an {@code int}: row in the high 16 bits, column in the low 16,
 * both in eighth-pixel units (the RFC's doubled quarter-pixel values, section 18.1).
 */
final class MacroblockInfo {
    final int cols;
    final int rows;
    final byte[] yMode;
    final byte[] uvMode;
    /** 0 intra, 1 last, 2 golden, 3 altref. */
    final byte[] refFrame;
    final byte[] segment;
    final boolean[] skipCoefficients;
    final int[] mv;
    final int[] subMvs;
    final byte[] subModes;
    /** Loop filter level per macroblock, 0 = not filtered. */
    final byte[] filterLevel;
    /** Whether the loop filter skips the edges inside the macroblock (RFC 6386 15.1). */
    final boolean[] skipInnerEdges;

    MacroblockInfo(int cols, int rows) {
        this.cols = cols;
        this.rows = rows;
        int n = cols * rows;
        yMode = new byte[n];
        uvMode = new byte[n];
        refFrame = new byte[n];
        segment = new byte[n];
        skipCoefficients = new boolean[n];
        mv = new int[n];
        subMvs = new int[n * 16];
        subModes = new byte[n * 16];
        filterLevel = new byte[n];
        skipInnerEdges = new boolean[n];
    }

    static int packMv(int row, int col) {
        return (row << 16) | (col & 0xFFFF);
    }

    static int mvRow(int mv) {
        return mv >> 16;
    }

    static int mvCol(int mv) {
        return (short) mv;
    }
}
