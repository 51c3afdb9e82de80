package dev.jrtc.sdp.jsep;

import dev.jrtc.sdp.Setup;
import java.util.Optional;

/** The answer's DTLS role for an offered {@code a=setup} (RFC 4145 section 4.1, RFC 8842 section 5.3). */
public final class SetupNegotiation {
    private SetupNegotiation() {}

    /**
     * {@code actpass} gives {@code active} (we become the DTLS client, as browsers do),
     * {@code active} gives {@code passive}, {@code passive} gives {@code active}, {@code holdconn}
     * gives {@code holdconn}. No attribute means the offerer is {@code active} (RFC 4145), so we are
     * {@code passive}.
     */
    public static Setup answer(Optional<Setup> offered) {
        return switch (offered.orElse(Setup.ACTIVE)) {
            case ACTPASS, PASSIVE -> Setup.ACTIVE;
            case ACTIVE -> Setup.PASSIVE;
            case HOLDCONN -> Setup.HOLDCONN;
        };
    }
}
