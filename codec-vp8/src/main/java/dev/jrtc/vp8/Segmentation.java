package dev.jrtc.vp8;

import java.util.Arrays;

/**
 * Segment-based adjustments (RFC 6386 sections 9.3 and 10). The feature values persist from frame
 * to frame until updated; key frames reset them to zero deltas.
 */
final class Segmentation {
    static final int SEGMENTS = 4;

    boolean enabled;
    boolean updateMap;
    boolean absoluteValues;
    final int[] quantizer = new int[SEGMENTS];
    final int[] filterLevel = new int[SEGMENTS];
    final int[] treeProbs = {255, 255, 255};

    /** Key frames restore the default state: zero deltas (RFC 6386 9.3). */
    void resetForKeyFrame() {
        absoluteValues = false;
        Arrays.fill(quantizer, 0);
        Arrays.fill(filterLevel, 0);
    }

    /** Reads {@code segmentation_enabled} and {@code update_segmentation()} (RFC 6386 19.2). */
    void parse(BoolDecoder bd) {
        enabled = bd.readBit() != 0;
        if (!enabled) {
            updateMap = false;
            return;
        }
        updateMap = bd.readBit() != 0;
        boolean updateData = bd.readBit() != 0;
        if (updateData) {
            absoluteValues = bd.readBit() != 0;
            // A value not sent in an update is zero, not "unchanged".
            for (int i = 0; i < SEGMENTS; i++) {
                quantizer[i] = bd.readOptionalSigned(7);
            }
            for (int i = 0; i < SEGMENTS; i++) {
                filterLevel[i] = bd.readOptionalSigned(6);
            }
        }
        if (updateMap) {
            for (int i = 0; i < 3; i++) {
                treeProbs[i] = bd.readBit() != 0 ? bd.readLiteral(8) : 255;
            }
        }
    }

    /** Reads one macroblock's segment id with the map tree (RFC 6386 10). */
    int readSegmentId(BoolDecoder bd) {
        return bd.readBool(treeProbs[0]) == 0
                ? bd.readBool(treeProbs[1])
                : 2 + bd.readBool(treeProbs[2]);
    }

    /** The quantizer index for a segment, given the frame's base index (clamped to 0..127). */
    int quantizerIndex(int segment, int baseIndex) {
        int q = baseIndex;
        if (enabled) {
            q = absoluteValues ? quantizer[segment] : baseIndex + quantizer[segment];
        }
        return Math.max(0, Math.min(127, q));
    }

    /** The loop filter level for a segment, given the frame's level (clamped to 0..63). */
    int filterLevel(int segment, int baseLevel) {
        int level = baseLevel;
        if (enabled) {
            level = absoluteValues ? filterLevel[segment] : baseLevel + filterLevel[segment];
        }
        return Math.max(0, Math.min(63, level));
    }
}
