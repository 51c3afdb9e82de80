package dev.jrtc.srtp;

/**
 * The per-SSRC state of one direction: the RTP rollover counter and replay window, and the SRTCP
 * index (sent) or its replay window (received). Keys and ciphers are not here: with a key
 * derivation rate of 0 they are the same for every SSRC of a session, so a stream costs a few
 * dozen bytes, not a set of {@code Cipher} objects.
 */
final class SrtpStreamContext {
    final int ssrc;
    final RolloverCounter rtpIndex = new RolloverCounter();
    final ReplayWindow rtpReplay;
    final ReplayWindow rtcpReplay;
    /** The next SRTCP index to send. */
    int nextSrtcpIndex;

    SrtpStreamContext(int ssrc, int replayWindowSize) {
        this.ssrc = ssrc;
        this.rtpReplay = new ReplayWindow(replayWindowSize);
        this.rtcpReplay = new ReplayWindow(replayWindowSize);
    }
}
