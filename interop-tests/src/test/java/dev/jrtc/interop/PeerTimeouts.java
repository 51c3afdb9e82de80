package dev.jrtc.interop;

import java.time.Duration;

/** The bounds every interop wait uses, so that a stuck peer fails a test instead of hanging CI. */
final class PeerTimeouts {
    /** Longest wait for one message from a peer (a browser start plus ICE gathering fits well within it). */
    static final Duration MESSAGE = Duration.ofSeconds(60);
    /** How long a peer process gets to exit after it was told to, before it is killed. */
    static final Duration EXIT = Duration.ofSeconds(5);

    private PeerTimeouts() {}
}
