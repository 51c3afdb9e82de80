package dev.jrtc.vp8;

import static dev.jrtc.vp8.ModeTables.*;

/**
 * Reads each macroblock's header from the first partition: segment id, skip flag, and the intra
 * modes (RFC 6386 11 and 16.1) or reference frame and motion vectors (RFC 6386 16.2-16.4).
 */
final class ModeParser {
    private final MotionVectorDecoder mvDecoder = new MotionVectorDecoder();
    private final boolean[] signBias = new boolean[4];

    /** @return how many neighbour vectors were inverted for sign bias so far */
    long signBiasInversions() {
        return mvDecoder.signBiasInversions;
    }

    /** Prepares for a frame: the sign bias of each reference frame. */
    void startFrame(FrameHeader h) {
        signBias[0] = false;
        signBias[1] = false;
        signBias[2] = h.signBiasGolden;
        signBias[3] = h.signBiasAltRef;
    }

    void parse(BoolDecoder bd, FrameHeader h, Segmentation seg, Probabilities probs,
            MacroblockInfo info, int row, int col) {
        int mb = row * info.cols + col;
        if (seg.updateMap) {
            info.segment[mb] = (byte) seg.readSegmentId(bd);
        } else if (h.keyFrame) {
            info.segment[mb] = 0;
        }
        info.skipCoefficients[mb] = h.skipEnabled && bd.readBool(h.probSkipFalse) != 0;
        if (h.keyFrame) {
            parseKeyFrameModes(bd, info, mb, row, col);
        } else if (bd.readBool(h.probIntra) != 0) {
            parseInterModes(bd, h, probs, info, mb, row, col);
        } else {
            parseIntraModes(bd, probs, info, mb);
        }
    }

    private static void parseKeyFrameModes(BoolDecoder bd, MacroblockInfo info, int mb, int row,
            int col) {
        int yMode = bd.readTree(KF_Y_MODE_TREE, KF_Y_MODE_PROBS, 0);
        byte[] modes = info.subModes;
        int base = mb * 16;
        if (yMode == B_PRED) {
            int cols = info.cols;
            for (int b = 0; b < 16; b++) {
                // Contexts come from the subblocks above and to the left, across macroblock edges;
                // outside the frame they are B_DC_PRED (RFC 6386 11.3).
                int above;
                if (b >= 4) {
                    above = modes[base + b - 4];
                } else {
                    above = row > 0 ? modes[(mb - cols) * 16 + b + 12] : B_DC_PRED;
                }
                int left;
                if ((b & 3) != 0) {
                    left = modes[base + b - 1];
                } else {
                    left = col > 0 ? modes[(mb - 1) * 16 + b + 3] : B_DC_PRED;
                }
                modes[base + b] = (byte) bd.readTree(B_MODE_TREE, KF_B_MODE_PROBS, (above * 10 + left) * 9);
            }
        } else {
            // For the contexts of later macroblocks, a 16x16 mode implies one subblock mode.
            byte implied = (byte) impliedSubblockMode(yMode);
            for (int b = 0; b < 16; b++) {
                modes[base + b] = implied;
            }
        }
        info.yMode[mb] = (byte) yMode;
        info.uvMode[mb] = (byte) bd.readTree(UV_MODE_TREE, KF_UV_MODE_PROBS, 0);
        info.refFrame[mb] = 0;
        info.mv[mb] = 0;
    }

    private static int impliedSubblockMode(int yMode) {
        switch (yMode) {
            case V_PRED:
                return B_VE_PRED;
            case H_PRED:
                return B_HE_PRED;
            case TM_PRED:
                return B_TM_PRED;
            default:
                return B_DC_PRED;
        }
    }

    private static void parseIntraModes(BoolDecoder bd, Probabilities probs, MacroblockInfo info,
            int mb) {
        int yMode = bd.readTree(Y_MODE_TREE, probs.yModes, 0);
        if (yMode == B_PRED) {
            int base = mb * 16;
            for (int b = 0; b < 16; b++) {
                info.subModes[base + b] = (byte) bd.readTree(B_MODE_TREE, B_MODE_PROBS, 0);
            }
        }
        info.yMode[mb] = (byte) yMode;
        info.uvMode[mb] = (byte) bd.readTree(UV_MODE_TREE, probs.uvModes, 0);
        info.refFrame[mb] = 0;
        // Split-MV neighbours read an intra macroblock's vector as zero.
        info.mv[mb] = 0;
    }

    private void parseInterModes(BoolDecoder bd, FrameHeader h, Probabilities probs,
            MacroblockInfo info, int mb, int row, int col) {
        int ref = bd.readBool(h.probLast) == 0 ? 1 : 2 + bd.readBool(h.probGolden);
        info.refFrame[mb] = (byte) ref;
        MotionVectorDecoder mvd = mvDecoder;
        mvd.findNearMvs(info, row, col, ref, signBias);
        int[] cnt = mvd.counts;
        int[][] ctx = MODE_CONTEXTS;
        // Walk mv_ref_tree by hand: each node's probability comes from a different census count.
        int mode;
        if (bd.readBool(ctx[cnt[0]][0]) == 0) {
            mode = ZEROMV;
        } else if (bd.readBool(ctx[cnt[1]][1]) == 0) {
            mode = NEARESTMV;
        } else if (bd.readBool(ctx[cnt[2]][2]) == 0) {
            mode = NEARMV;
        } else if (bd.readBool(ctx[cnt[3]][3]) == 0) {
            mode = NEWMV;
        } else {
            mode = SPLITMV;
        }
        info.yMode[mb] = (byte) mode;
        int rows = info.rows;
        int cols = info.cols;
        int mv;
        switch (mode) {
            case NEARESTMV:
                mv = MotionVectorDecoder.clamp(mvd.nearMvs[1], row, col, rows, cols);
                break;
            case NEARMV:
                mv = MotionVectorDecoder.clamp(mvd.nearMvs[2], row, col, rows, cols);
                break;
            case ZEROMV:
                mv = 0;
                break;
            case NEWMV: {
                int best = MotionVectorDecoder.clamp(mvd.nearMvs[0], row, col, rows, cols);
                int d = MotionVectorDecoder.readMv(bd, probs.motionVectors);
                mv = MacroblockInfo.packMv(MacroblockInfo.mvRow(best) + MacroblockInfo.mvRow(d),
                        MacroblockInfo.mvCol(best) + MacroblockInfo.mvCol(d));
                break;
            }
            default: {
                int best = MotionVectorDecoder.clamp(mvd.nearMvs[0], row, col, rows, cols);
                parseSplitMvs(bd, probs, info, mb, row, col, best);
                mv = info.subMvs[mb * 16 + 15];
                break;
            }
        }
        info.mv[mb] = mv;
    }

    /** Decodes the partitioning and the subblock vectors of a SPLITMV macroblock (16.4). */
    private static void parseSplitMvs(BoolDecoder bd, Probabilities probs, MacroblockInfo info,
            int mb, int row, int col, int best) {
        int partitioning = bd.readTree(SPLIT_MV_TREE, SPLIT_MV_PROBS, 0);
        int[] layout = SPLIT_MV_PARTITIONS[partitioning];
        int parts = SPLIT_MV_COUNTS[partitioning];
        int[] sub = info.subMvs;
        int base = mb * 16;
        int cols = info.cols;
        for (int j = 0; j < parts; j++) {
            int k = 0;
            while (layout[k] != j) {
                k++;
            }
            int leftMv;
            if ((k & 3) != 0) {
                leftMv = sub[base + k - 1];
            } else {
                leftMv = col > 0 ? neighbourSubMv(info, mb - 1, k + 3) : 0;
            }
            int aboveMv;
            if (k >= 4) {
                aboveMv = sub[base + k - 4];
            } else {
                aboveMv = row > 0 ? neighbourSubMv(info, mb - cols, k + 12) : 0;
            }
            int context;
            if (leftMv == aboveMv) {
                context = leftMv == 0 ? 4 : 3;
            } else if (aboveMv == 0) {
                context = 2;
            } else if (leftMv == 0) {
                context = 1;
            } else {
                context = 0;
            }
            int subMode = bd.readTree(SUB_MV_REF_TREE, SUB_MV_REF_PROBS[context], 0);
            int mv;
            switch (subMode) {
                case LEFT_4X4:
                    mv = leftMv;
                    break;
                case ABOVE_4X4:
                    mv = aboveMv;
                    break;
                case ZERO_4X4:
                    mv = 0;
                    break;
                default: {
                    int d = MotionVectorDecoder.readMv(bd, probs.motionVectors);
                    mv = MacroblockInfo.packMv(MacroblockInfo.mvRow(best) + MacroblockInfo.mvRow(d),
                            MacroblockInfo.mvCol(best) + MacroblockInfo.mvCol(d));
                    break;
                }
            }
            for (int b = k; b < 16; b++) {
                if (layout[b] == j) {
                    sub[base + b] = mv;
                }
            }
        }
    }

    /** A neighbour's subblock vector: its own if it was split, else its macroblock vector. */
    private static int neighbourSubMv(MacroblockInfo info, int mb, int b) {
        return info.yMode[mb] == SPLITMV ? info.subMvs[mb * 16 + b] : info.mv[mb];
    }
}
