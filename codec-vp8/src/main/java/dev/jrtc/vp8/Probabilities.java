package dev.jrtc.vp8;

/**
 * The entropy state that persists between frames (RFC 6386 9.9-9.11): token, intra mode and motion
 * vector probabilities. A frame with {@code refresh_entropy_probs == 0} uses its updates for itself
 * only, so the decoder keeps a saved copy to restore.
 */
final class Probabilities {
    final int[] coefficients = new int[CoefficientTables.DEFAULT_PROBS.length];
    final int[] yModes = new int[4];
    final int[] uvModes = new int[3];
    final int[] motionVectors = new int[2 * MotionVectorTables.COUNT];

    /** Restores the defaults, as every key frame does. */
    void setDefaults() {
        System.arraycopy(CoefficientTables.DEFAULT_PROBS, 0, coefficients, 0, coefficients.length);
        System.arraycopy(ModeTables.DEFAULT_Y_MODE_PROBS, 0, yModes, 0, 4);
        System.arraycopy(ModeTables.DEFAULT_UV_MODE_PROBS, 0, uvModes, 0, 3);
        System.arraycopy(MotionVectorTables.DEFAULT_PROBS, 0, motionVectors, 0, motionVectors.length);
    }

    void copyFrom(Probabilities other) {
        System.arraycopy(other.coefficients, 0, coefficients, 0, coefficients.length);
        System.arraycopy(other.yModes, 0, yModes, 0, 4);
        System.arraycopy(other.uvModes, 0, uvModes, 0, 3);
        System.arraycopy(other.motionVectors, 0, motionVectors, 0, motionVectors.length);
    }
}
