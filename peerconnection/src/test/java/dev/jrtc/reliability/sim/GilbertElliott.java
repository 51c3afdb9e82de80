package dev.jrtc.reliability.sim;

import java.util.Random;

/**
 * Two-state burst-loss channel: in the good state nothing is lost, in the bad state everything is.
 * The mean loss is {@code p / (p + r)} and the mean burst length {@code 1 / r}.
 *
 * @param goodToBad probability per packet of entering the bad state
 * @param badToGood probability per packet of leaving it
 */
public record GilbertElliott(double goodToBad, double badToGood) {

    /** Home wifi: about 1% loss in bursts of 2. */
    public static final GilbertElliott WIFI = withMeanLoss(0.01, 2);
    /** Lossy wifi: about 5% loss in bursts of 3. */
    public static final GilbertElliott LOSSY_WIFI = withMeanLoss(0.05, 3);
    /** Congested link: about 10% loss in bursts of 4. */
    public static final GilbertElliott CONGESTED = withMeanLoss(0.10, 4);

    /** Checks the probabilities. */
    public GilbertElliott {
        if (!(goodToBad >= 0 && goodToBad <= 1 && badToGood > 0 && badToGood <= 1)) {
            throw new IllegalArgumentException("probabilities out of range: " + goodToBad + ", " + badToGood);
        }
    }

    /** The chain whose stationary loss is {@code loss} with bursts of {@code meanBurst} packets on average. */
    public static GilbertElliott withMeanLoss(double loss, double meanBurst) {
        double r = 1 / meanBurst;
        return new GilbertElliott(loss * r / (1 - loss), r);
    }

    /** Expected long-run loss ratio. */
    public double meanLoss() {
        return goodToBad / (goodToBad + badToGood);
    }

    /** The mutable state of one chain, advanced once per packet. */
    public final class Chain {
        private boolean bad;

        /** Advances the chain and says whether this packet is lost. */
        public boolean lose(Random random) {
            bad = bad ? random.nextDouble() >= badToGood : random.nextDouble() < goodToBad;
            return bad;
        }
    }

    /** A fresh chain starting in the good state. */
    public Chain start() {
        return new Chain();
    }
}
