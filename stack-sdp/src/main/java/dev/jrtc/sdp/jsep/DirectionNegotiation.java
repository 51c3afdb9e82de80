package dev.jrtc.sdp.jsep;

import dev.jrtc.sdp.Direction;

/** The answer's direction for an offered direction (RFC 3264 section 6.1, RFC 9429 section 5.3.1). */
public final class DirectionNegotiation {
    private DirectionNegotiation() {}

    /**
     * What we may answer: the offer seen from our side (sendonly becomes recvonly and so on),
     * narrowed by what we want. So sendrecv gives our wish, sendonly gives recvonly (or inactive if
     * we do not want to receive), recvonly gives sendonly (or inactive if we have nothing to send),
     * and inactive gives inactive.
     */
    public static Direction answer(Direction offered, Direction localWish) {
        return offered.reverse().intersect(localWish);
    }
}
