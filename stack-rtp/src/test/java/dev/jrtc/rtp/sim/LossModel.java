package dev.jrtc.rtp.sim;

import dev.jrtc.common.RandomSource;

/** Decides, packet by packet, whether the simulated network loses it. */
public interface LossModel {
    /** Whether the next packet is lost. */
    boolean lose();

    /** Nothing is lost. */
    static LossModel none() {
        return () -> false;
    }

    /** Each packet is lost independently with probability {@code p}. */
    static LossModel random(RandomSource r, double p) {
        return () -> Impairments.uniform(r) < p;
    }

    /**
     * Gilbert-Elliott bursts: a good state that loses nothing and a bad state that loses every
     * packet; {@code goodToBad} and {@code badToGood} are the per-packet transition probabilities.
     */
    static LossModel gilbertElliott(RandomSource r, double goodToBad, double badToGood) {
        return new LossModel() {
            private boolean bad;

            @Override
            public boolean lose() {
                bad = bad ? Impairments.uniform(r) >= badToGood : Impairments.uniform(r) < goodToBad;
                return bad;
            }
        };
    }
}
