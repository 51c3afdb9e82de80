package dev.jrtc.peerconnection.engine;

import java.util.List;

/**
 * A snapshot of one engine's counters.
 *
 * @param sourceGateDropped non-STUN datagrams dropped because their source was not validated by ICE
 * @param sourceGateAdmitted non-STUN datagrams the gate let through
 * @param iceDropped datagrams ICE dropped (bad STUN)
 * @param dtlsDropped DTLS datagrams the DTLS engine dropped
 * @param srtpDropped SRTP/SRTCP packets that failed authentication, replay or parsing
 * @param earlyDropped media or DTLS that arrived before keys or negotiation
 * @param unroutableRtp RTP with an SSRC no transceiver claims
 * @param rtpSent SRTP packets sent
 * @param rtpReceived SRTP packets received and decrypted
 * @param rtcpSent SRTCP packets sent
 * @param rtcpReceived SRTCP packets received and decrypted
 * @param media per-transceiver counters
 */
public record EngineStats(long sourceGateDropped, long sourceGateAdmitted, long iceDropped, long dtlsDropped,
        long srtpDropped, long earlyDropped, long unroutableRtp, long rtpSent, long rtpReceived, long rtcpSent,
        long rtcpReceived, List<MediaStats> media) {

    /** Copies the list. */
    public EngineStats {
        media = List.copyOf(media);
    }
}
