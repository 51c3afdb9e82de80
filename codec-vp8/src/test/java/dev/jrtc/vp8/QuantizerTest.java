package dev.jrtc.vp8;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Dequantization factors follow RFC 6386 section 14.1, including Y2 scaling and UV DC clamping. */
class QuantizerTest {
    private static int[] factors(int qIndex, int segmentDelta, int dcDelta) {
        FrameHeader h = new FrameHeader();
        h.qIndex = qIndex;
        h.y1DcDelta = dcDelta;
        Segmentation seg = new Segmentation();
        seg.enabled = segmentDelta != 0;
        seg.quantizer[0] = segmentDelta;
        Quantizer q = new Quantizer();
        q.update(h, seg);
        return q.factors;
    }

    @Test
    void lowestIndexUsesTableStartAndY2AcMinimum() {
        int[] f = factors(0, 0, 0);
        assertEquals(4, f[Quantizer.Y1_DC]);
        assertEquals(4, f[Quantizer.Y1_AC]);
        assertEquals(8, f[Quantizer.Y2_DC]); // doubled
        assertEquals(8, f[Quantizer.Y2_AC]); // 4 * 155 / 100 = 6, raised to 8
        assertEquals(4, f[Quantizer.UV_DC]);
        assertEquals(4, f[Quantizer.UV_AC]);
    }

    @Test
    void highestIndexScalesY2AndClampsUvDc() {
        int[] f = factors(127, 0, 0);
        assertEquals(157, f[Quantizer.Y1_DC]);
        assertEquals(284, f[Quantizer.Y1_AC]);
        assertEquals(314, f[Quantizer.Y2_DC]);
        assertEquals(440, f[Quantizer.Y2_AC]); // 284 * 155 / 100
        assertEquals(132, f[Quantizer.UV_DC]); // 157 clamped
        assertEquals(284, f[Quantizer.UV_AC]);
    }

    @Test
    void segmentIndexIsClampedBeforeTheDeltaIsAdded() {
        // 120 + 10 = 130 clamps to 127; the DC delta -5 then gives 122, not 125.
        int[] f = factors(120, 10, -5);
        assertEquals(QuantizerTables.DC[122], f[Quantizer.Y1_DC]);
        assertEquals(QuantizerTables.AC[127], f[Quantizer.Y1_AC]);
    }

    @Test
    void tablesAreMonotonic() {
        for (int i = 1; i < 128; i++) {
            assertEquals(true, QuantizerTables.DC[i] >= QuantizerTables.DC[i - 1], "dc " + i);
            assertEquals(true, QuantizerTables.AC[i] > QuantizerTables.AC[i - 1], "ac " + i);
        }
    }
}
