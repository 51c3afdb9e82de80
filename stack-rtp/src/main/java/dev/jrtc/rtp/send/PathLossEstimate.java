package dev.jrtc.rtp.send;

/**
 * The share of our packets the receiver reports missing, as the sender sees it: every packet sent
 * counts 0 and every first NACK of a packet counts 1, in an exponential average over about
 * {@value #WINDOW} packets. Receiver reports cannot tell this (with RTX, a repaired packet counts as
 * received), and the {@link Retransmitter} needs it to decide how hard to repair.
 */
final class PathLossEstimate {
    static final int WINDOW = 256;
    private double loss;

    void onSent() {
        loss -= loss / WINDOW;
    }

    void onFirstNack() {
        loss += (1 - loss) / WINDOW;
    }

    /** The estimated loss, 0..1. */
    double loss() {
        return loss;
    }
}
