package dev.jrtc.dtls;

/**
 * The handshake timers handed to Bouncy Castle. BC's flight timer starts at the configured
 * initial retransmit time and doubles (capped at 60 s by BC). BC's own overall timeout is a
 * backstop set a little after the engine's sans-IO deadline: normally the loop's
 * {@code handleTimeout} ends a stuck handshake first, but if the loop never calls it the
 * handshake thread still finishes and is returned to its executor.
 */
record PeerTimers(int initialResendMillis, int handshakeTimeoutMillis) {
    private static final int BACKSTOP_GRACE_MILLIS = 2_000;

    static PeerTimers from(DtlsConfig config) {
        long timeout = config.handshakeTimeout().toMillis() + BACKSTOP_GRACE_MILLIS;
        return new PeerTimers((int) Math.max(1, config.initialRetransmit().toMillis()),
                (int) Math.min(Integer.MAX_VALUE, timeout));
    }
}
