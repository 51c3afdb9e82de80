package dev.jrtc.demo.session;

import java.util.Locale;

/** How a session was signalled, and so which way its media flows. */
public enum Via {
    /** The demo page over the WebSocket, sending its camera. */
    PAGE(true),
    /** The demo page over the WebSocket in receive mode: jrtc sends the test pattern and tone. */
    PAGE_RECEIVE(false),
    /** A WHIP client (RFC 9725) sending media. */
    WHIP(true),
    /** A WHEP client playing jrtc's test pattern and tone. */
    WHEP(false);

    private final boolean ingest;

    Via(boolean ingest) {
        this.ingest = ingest;
    }

    /** Whether the peer sends media to jrtc (else jrtc sends). */
    public boolean ingest() {
        return ingest;
    }

    /** The name used in JSON and logs. */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
