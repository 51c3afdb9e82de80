package dev.jrtc.sctp;

import java.util.SplittableRandom;

/** Decides, packet by packet, whether the simulated link loses it. */
interface LossModel {
    boolean lose(SplittableRandom random);

    static LossModel none() {
        return r -> false;
    }

    /** Independent loss with probability {@code p}. */
    static LossModel random(double p) {
        return r -> r.nextDouble() < p;
    }

    /**
     * Gilbert–Elliott: a good state with loss {@code lossGood} and a bad state with loss
     * {@code lossBad}, switching with the given per-packet probabilities, so losses come in bursts.
     */
    static LossModel gilbertElliott(double goodToBad, double badToGood, double lossGood, double lossBad) {
        return new LossModel() {
            private boolean bad;

            @Override
            public boolean lose(SplittableRandom r) {
                bad = bad ? r.nextDouble() >= badToGood : r.nextDouble() < goodToBad;
                return r.nextDouble() < (bad ? lossBad : lossGood);
            }
        };
    }

    /** Loses exactly the packets with these 1-based sequence numbers on the link. */
    static LossModel dropNumbered(int... numbers) {
        return new LossModel() {
            private int count;

            @Override
            public boolean lose(SplittableRandom r) {
                count++;
                for (int n : numbers) {
                    if (n == count) {
                        return true;
                    }
                }
                return false;
            }
        };
    }
}
