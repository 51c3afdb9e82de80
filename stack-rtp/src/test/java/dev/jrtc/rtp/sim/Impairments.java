package dev.jrtc.rtp.sim;

import dev.jrtc.common.RandomSource;
import java.util.ArrayList;
import java.util.List;

/** Seeded packet-order impairments for tests that need no timing. */
public final class Impairments {
    private Impairments() {
    }

    /** A uniform double in [0, 1) from a seeded source. */
    public static double uniform(RandomSource r) {
        return (r.nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * The packets reordered (each moved by at most {@code maxDisplacement} places) and some duplicated
     * (each with probability {@code duplicateRate}, the copy arriving a few places later).
     */
    public static List<byte[]> reorderAndDuplicate(List<byte[]> packets, RandomSource r, int maxDisplacement,
                                                   double duplicateRate) {
        // Sort by a jittered position: index plus a random offset, which bounds the displacement.
        List<double[]> keyed = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            keyed.add(new double[] {i + uniform(r) * maxDisplacement, i});
            if (uniform(r) < duplicateRate) {
                keyed.add(new double[] {i + 1 + uniform(r) * maxDisplacement, i});
            }
        }
        keyed.sort((a, b) -> Double.compare(a[0], b[0]));
        List<byte[]> out = new ArrayList<>(keyed.size());
        for (double[] k : keyed) {
            out.add(packets.get((int) k[1]).clone());
        }
        return out;
    }
}
