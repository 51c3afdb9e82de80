package dev.jrtc.demo.session;

/** Thrown when an offer is malformed or cannot be answered; the message says why. */
public final class OfferRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong with the offer, for the client */
    public OfferRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
