package dev.jrtc.vp8;

/**
 * Motion vector reading (RFC 6386 17) and the survey of neighbouring macroblocks that yields the
 * best, nearest and near vectors and the mode probabilities (RFC 6386 16.3).
 */
final class MotionVectorDecoder {
    static final int CNT_ZERO = 0;
    static final int CNT_NEAREST = 1;
    static final int CNT_NEAR = 2;
    static final int CNT_SPLITMV = 3;

    /** near_mvs[0..3] after {@link #findNearMvs}: [0] is best, [1] nearest, [2] near. */
    final int[] nearMvs = new int[4];
    final int[] counts = new int[4];
    /** Neighbour vectors inverted for sign bias so far (for the decoder's statistics). */
    long signBiasInversions;

    /** Reads one component in quarter pixels and returns it doubled (eighth pixels). */
    static int readComponent(BoolDecoder bd, int[] p, int off) {
        int x;
        if (bd.readBool(p[off + MotionVectorTables.IS_SHORT]) != 0) {
            int bitsOff = off + MotionVectorTables.LONG_BITS;
            x = 0;
            for (int i = 0; i < 3; i++) {
                x += bd.readBool(p[bitsOff + i]) << i;
            }
            for (int i = MotionVectorTables.LONG_WIDTH - 1; i > 3; i--) {
                x += bd.readBool(p[bitsOff + i]) << i;
            }
            // Bit 3 is implicit when no higher bit is set: long values are at least 8.
            if ((x & 0xFFF0) == 0 || bd.readBool(p[bitsOff + 3]) != 0) {
                x += 8;
            }
        } else {
            x = bd.readTree(MotionVectorTables.SMALL_TREE, p, off + MotionVectorTables.SHORT_TREE);
        }
        if (x != 0 && bd.readBool(p[off + MotionVectorTables.SIGN]) != 0) {
            x = -x;
        }
        return x << 1;
    }

    /** Reads a motion vector (row first) and returns it packed. */
    static int readMv(BoolDecoder bd, int[] probs) {
        int row = readComponent(bd, probs, 0);
        int col = readComponent(bd, probs, MotionVectorTables.COUNT);
        return MacroblockInfo.packMv(row, col);
    }

    /**
     * Surveys the above, left and above-left macroblocks (RFC 6386 16.3). Neighbours outside the
     * frame count as intra and are ignored.
     */
    void findNearMvs(MacroblockInfo info, int row, int col, int refFrame, boolean[] signBias) {
        int[] near = nearMvs;
        int[] cnt = counts;
        near[0] = near[1] = near[2] = near[3] = 0;
        cnt[0] = cnt[1] = cnt[2] = cnt[3] = 0;
        int idx = 0;
        int cols = info.cols;
        int here = row * cols + col;
        int above = row > 0 ? here - cols : -1;
        int left = col > 0 ? here - 1 : -1;
        int aboveLeft = row > 0 && col > 0 ? here - cols - 1 : -1;

        if (above >= 0 && info.refFrame[above] != 0) {
            int m = info.mv[above];
            if (m != 0) {
                near[++idx] = bias(m, info.refFrame[above], refFrame, signBias);
            }
            cnt[idx] += 2;
        }
        if (left >= 0 && info.refFrame[left] != 0) {
            int m = info.mv[left];
            if (m != 0) {
                int t = bias(m, info.refFrame[left], refFrame, signBias);
                if (t != near[idx]) {
                    near[++idx] = t;
                }
                cnt[idx] += 2;
            } else {
                cnt[CNT_ZERO] += 2;
            }
        }
        if (aboveLeft >= 0 && info.refFrame[aboveLeft] != 0) {
            int m = info.mv[aboveLeft];
            if (m != 0) {
                int t = bias(m, info.refFrame[aboveLeft], refFrame, signBias);
                if (t != near[idx]) {
                    near[++idx] = t;
                }
                cnt[idx] += 1;
            } else {
                cnt[CNT_ZERO] += 1;
            }
        }
        // Three distinct vectors: merge above-left into nearest when they are equal.
        if (cnt[CNT_SPLITMV] != 0 && near[idx] == near[CNT_NEAREST]) {
            cnt[CNT_NEAREST] += 1;
        }
        cnt[CNT_SPLITMV] = (isSplit(info, above) + isSplit(info, left)) * 2 + isSplit(info, aboveLeft);
        if (cnt[CNT_NEAR] > cnt[CNT_NEAREST]) {
            int t = cnt[CNT_NEAREST];
            cnt[CNT_NEAREST] = cnt[CNT_NEAR];
            cnt[CNT_NEAR] = t;
            t = near[CNT_NEAREST];
            near[CNT_NEAREST] = near[CNT_NEAR];
            near[CNT_NEAR] = t;
        }
        if (cnt[CNT_NEAREST] >= cnt[CNT_ZERO]) {
            near[0] = near[CNT_NEAREST];
        }
    }

    private static int isSplit(MacroblockInfo info, int mb) {
        return mb >= 0 && info.yMode[mb] == ModeTables.SPLITMV ? 1 : 0;
    }

    private int bias(int mv, int neighbourRef, int refFrame, boolean[] signBias) {
        if (signBias[neighbourRef] != signBias[refFrame]) {
            signBiasInversions++;
            return MacroblockInfo.packMv(-MacroblockInfo.mvRow(mv), -MacroblockInfo.mvCol(mv));
        }
        return mv;
    }

    /**
     * Clamps a vector so that the macroblock it moves stays within one macroblock of the frame
     * (RFC 6386 16.3, vp8_clamp_mv).
     */
    static int clamp(int mv, int row, int col, int rows, int cols) {
        int r = MacroblockInfo.mvRow(mv);
        int c = MacroblockInfo.mvCol(mv);
        int toLeft = -((col + 1) << 7);
        int toRight = (cols - col) << 7;
        int toTop = -((row + 1) << 7);
        int toBottom = (rows - row) << 7;
        c = c < toLeft ? toLeft : (c > toRight ? toRight : c);
        r = r < toTop ? toTop : (r > toBottom ? toBottom : r);
        return MacroblockInfo.packMv(r, c);
    }
}
