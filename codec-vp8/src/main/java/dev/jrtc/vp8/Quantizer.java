package dev.jrtc.vp8;

/**
 * Per-segment dequantization factors (RFC 6386 9.6 and 14.1). The segment's index is clamped to
 * 0..127 first, then each delta is added and clamped again, as libvpx does.
 */
final class Quantizer {
    static final int Y1_DC = 0;
    static final int Y1_AC = 1;
    static final int Y2_DC = 2;
    static final int Y2_AC = 3;
    static final int UV_DC = 4;
    static final int UV_AC = 5;

    /** {@code [segment * 6 + kind]}. */
    final int[] factors = new int[Segmentation.SEGMENTS * 6];

    void update(FrameHeader h, Segmentation seg) {
        int segments = seg.enabled ? Segmentation.SEGMENTS : 1;
        for (int s = 0; s < segments; s++) {
            int q = seg.quantizerIndex(s, h.qIndex);
            int o = s * 6;
            factors[o + Y1_DC] = dc(q + h.y1DcDelta);
            factors[o + Y1_AC] = ac(q);
            factors[o + Y2_DC] = dc(q + h.y2DcDelta) * 2;
            factors[o + Y2_AC] = Math.max(8, ac(q + h.y2AcDelta) * 155 / 100);
            factors[o + UV_DC] = Math.min(132, dc(q + h.uvDcDelta));
            factors[o + UV_AC] = ac(q + h.uvAcDelta);
        }
    }

    private static int clamp(int q) {
        return q < 0 ? 0 : (q > 127 ? 127 : q);
    }

    static int dc(int q) {
        return QuantizerTables.DC[clamp(q)];
    }

    static int ac(int q) {
        return QuantizerTables.AC[clamp(q)];
    }
}
