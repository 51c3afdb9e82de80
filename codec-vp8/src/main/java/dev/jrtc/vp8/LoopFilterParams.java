package dev.jrtc.vp8;

import java.util.Arrays;

/**
 * Loop filter type, level, sharpness and the reference-frame and mode deltas (RFC 6386 9.4). The
 * deltas persist until updated; key frames reset them to zero.
 */
final class LoopFilterParams {
    boolean simple;
    int level;
    int sharpness;
    boolean deltasEnabled;
    /** Indexed by reference frame: intra, last, golden, altref. */
    final int[] refDeltas = new int[4];
    /** Indexed by mode class: B_PRED, ZEROMV, other MV modes, SPLITMV. */
    final int[] modeDeltas = new int[4];

    void resetForKeyFrame() {
        Arrays.fill(refDeltas, 0);
        Arrays.fill(modeDeltas, 0);
    }

    /** Reads filter_type, loop_filter_level, sharpness_level and mb_lf_adjustments(). */
    void parse(BoolDecoder bd) {
        simple = bd.readBit() != 0;
        level = bd.readLiteral(6);
        sharpness = bd.readLiteral(3);
        deltasEnabled = bd.readBit() != 0;
        if (deltasEnabled && bd.readBit() != 0) {
            for (int i = 0; i < 4; i++) {
                if (bd.readBit() != 0) {
                    refDeltas[i] = bd.readSigned(6);
                }
            }
            for (int i = 0; i < 4; i++) {
                if (bd.readBit() != 0) {
                    modeDeltas[i] = bd.readSigned(6);
                }
            }
        }
    }

    /**
     * The filter level of one macroblock: the segment's level adjusted by the reference frame and
     * mode deltas, clamped to 0..63. Intra macroblocks other than B_PRED get no mode delta.
     */
    int macroblockLevel(int segmentLevel, int refFrame, int mode) {
        if (!deltasEnabled) {
            return segmentLevel;
        }
        int lvl = segmentLevel + refDeltas[refFrame];
        if (refFrame == 0) {
            if (mode == ModeTables.B_PRED) {
                lvl += modeDeltas[0];
            }
        } else if (mode == ModeTables.ZEROMV) {
            lvl += modeDeltas[1];
        } else if (mode == ModeTables.SPLITMV) {
            lvl += modeDeltas[3];
        } else {
            lvl += modeDeltas[2];
        }
        return Math.max(0, Math.min(63, lvl));
    }
}
